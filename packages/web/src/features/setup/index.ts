export { SetupPage } from './SetupPage.tsx';
export { setupStatusQueryKey, useSetupStatus } from './setup-status.ts';
