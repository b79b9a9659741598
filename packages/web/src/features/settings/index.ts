export { ApiKeysPage } from './ApiKeysPage.tsx';
export { MembersPage } from './MembersPage.tsx';
export { SettingsLayout } from './SettingsLayout.tsx';
