export { NotificationCenter } from './NotificationCenter.tsx';
export { NotificationSettings } from './NotificationSettings.tsx';
export { showToast } from './toast-store.ts';
