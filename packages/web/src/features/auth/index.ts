export { useSetAvailability } from './availability.ts';
export { LoginPage } from './LoginPage.tsx';
export { sessionQueryKey, useSession, useSessionQuery, useSignOut } from './session.ts';
