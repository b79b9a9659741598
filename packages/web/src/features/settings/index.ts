export { ApiKeysPage } from './ApiKeysPage.tsx';
export { ChannelsPage } from './ChannelsPage.tsx';
export { CustomFieldsPage } from './CustomFieldsPage.tsx';
export { FunnelsPage } from './FunnelsPage.tsx';
export { MembersPage } from './MembersPage.tsx';
export { SettingsLayout } from './SettingsLayout.tsx';
export { TagsPage } from './TagsPage.tsx';
