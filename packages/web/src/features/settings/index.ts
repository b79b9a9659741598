export { ApiKeysPage } from './ApiKeysPage.tsx';
export { ChannelsPage } from './ChannelsPage.tsx';
export { MembersPage } from './MembersPage.tsx';
export { SettingsLayout } from './SettingsLayout.tsx';
