export { LoginPage } from './LoginPage.tsx';
export { sessionQueryKey, useSession, useSessionQuery, useSignOut } from './session.ts';
export { useSetAvailability } from './availability.ts';
