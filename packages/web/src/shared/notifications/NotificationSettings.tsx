import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../ui/index.ts';
import { desktopPermission, requestDesktopPermission } from './desktop-notifications.ts';
import styles from './Notifications.module.css';
import {
  type NotificationPreferences,
  updateNotificationPreferences,
  useNotificationPreferences,
} from './notification-preferences.ts';

/**
 * The member's notification switches (in the account menu). Turning on browser notifications
 * is the one place Charla asks the browser for permission: from this click, never on load.
 */
export function NotificationSettings() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const [permission, setPermission] = useState(desktopPermission);

  async function handleDesktop(enabled: boolean) {
    if (!enabled) return updateNotificationPreferences({ desktop: false });
    const answer = permission === 'granted' ? permission : await requestDesktopPermission();
    setPermission(answer);
    updateNotificationPreferences({ desktop: answer === 'granted' });
  }

  const toggle = (key: keyof NotificationPreferences) => (event: React.ChangeEvent<HTMLInputElement>) =>
    updateNotificationPreferences({ [key]: event.target.checked });

  const desktopHint =
    permission === 'unsupported'
      ? t('notifications.desktopUnsupported')
      : permission === 'denied'
        ? t('notifications.desktopBlocked')
        : undefined;

  return (
    <div className={styles.settings}>
      <CheckboxField
        label={t('notifications.toasts')}
        checked={preferences.toasts}
        onChange={toggle('toasts')}
      />
      <CheckboxField
        label={t('notifications.sound')}
        checked={preferences.sound}
        onChange={toggle('sound')}
      />
      <CheckboxField
        label={t('notifications.desktop')}
        hint={desktopHint}
        checked={preferences.desktop && permission === 'granted'}
        disabled={permission === 'unsupported'}
        onChange={(event) => void handleDesktop(event.target.checked)}
      />
    </div>
  );
}
