import type { ConversationStatus, Message } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import styles from './MessageRow.module.css';

const STATUSES: readonly ConversationStatus[] = ['new', 'open', 'pending', 'resolved'];
const isStatus = (value: string): value is ConversationStatus => STATUSES.some((status) => status === value);

type ActivityLineProps = {
  message: Message;
  /** Names of members by id, for "assigned to …". */
  memberName: (memberId: string) => string | null;
  time: string;
};

/** "Luis assigned the chat to Sofía", "Sofía moved it from Open to Resolved"… in the UI language. */
export function ActivityLine({ message, memberName, time }: ActivityLineProps) {
  const { t } = useTranslation();
  if (message.content.kind !== 'activity') return null;
  const { action, memberId, from, to } = message.content;
  const actor =
    message.author.type === 'member'
      ? message.author.name
      : message.author.type === 'bot'
        ? t('chat.author.bot')
        : t('chat.author.system');
  const statusLabel = (status: string | null): string =>
    status === null ? '' : isStatus(status) ? t(`chat.status.${status}`) : status;
  const target = memberId ? (memberName(memberId) ?? t('chat.activity.someone')) : '';
  return (
    <p className={styles.activity}>
      <span>
        {t(`chat.activity.${action}`, {
          actor,
          member: target,
          from: statusLabel(from),
          to: statusLabel(to),
        })}
      </span>
      <span className={styles.activityTime}>{time}</span>
    </p>
  );
}
