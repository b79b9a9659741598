import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate } from 'react-router';
import { useRealtimeEvents } from '../realtime/index.ts';
import { playChime } from './chime.ts';
import { showDesktopNotification } from './desktop-notifications.ts';
import { type Notice, noticeFromEvent } from './notice-from-event.ts';
import { notificationPreferences } from './notification-preferences.ts';
import { ToastArea } from './ToastArea.tsx';
import { showToast } from './toast-store.ts';

/** An assignment arrives once per conversation of the customer; remember recent keys to say it once. */
const REMEMBERED_KEYS = 200;

function tabIsWatched(): boolean {
  return document.visibilityState === 'visible' && document.hasFocus();
}

/**
 * Turns live events into notices: a toast while the tab is in front, a browser notification
 * while it is not (when the member allowed them), and a chime — each as the member chose.
 */
export function NotificationCenter({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const openMatch = useMatch('/inbox/:conversationId');
  const seen = useRef<string[]>([]);

  function titleOf(notice: Notice): string {
    if (notice.kind === 'message') return t('notifications.newMessage', { name: notice.customerName });
    if (notice.kind === 'reminder') return t('notifications.reminder', { text: notice.text });
    return notice.byName
      ? t('notifications.assignedBy', { by: notice.byName, name: notice.customerName })
      : t('notifications.assigned', { name: notice.customerName });
  }

  useRealtimeEvents((event) => {
    const watched = tabIsWatched();
    const notice = noticeFromEvent(event, {
      memberId,
      watchingConversationId: watched ? (openMatch?.params.conversationId ?? null) : null,
    });
    if (!notice || seen.current.includes(notice.key)) return;
    seen.current = [...seen.current, notice.key].slice(-REMEMBERED_KEYS);
    const preferences = notificationPreferences();
    const title = titleOf(notice);
    const body = notice.kind === 'message' ? notice.preview : undefined;
    const href = notice.kind === 'reminder' ? undefined : `/inbox/${notice.conversationId}`;
    if (!watched && preferences.desktop) {
      showDesktopNotification(title, body ?? '', notice.key, () => href && navigate(href));
    } else if (preferences.toasts) {
      showToast({ title, body, href });
    }
    if (preferences.sound) playChime();
  });

  return <ToastArea />;
}
