import type { Conversation } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../shared/i18n/format.ts';
import styles from './Customer.module.css';

type CustomerConversationsProps = { conversations: readonly Conversation[]; openConversationId: string };

/** Every chat of the customer, one per channel, one click away; the open one is marked. */
export function CustomerConversations({ conversations, openConversationId }: CustomerConversationsProps) {
  const { t } = useTranslation();
  const { relative, dateTime } = useFormatters();
  return (
    <ul className={styles.conversations}>
      {conversations.map((conversation) => {
        const open = conversation.id === openConversationId;
        return (
          <li key={conversation.id}>
            <Link
              to={`/inbox/${conversation.id}`}
              className={styles.conversation}
              aria-current={open ? 'page' : undefined}
            >
              <span className={styles.conversationChannel}>{conversation.channel.name}</span>
              <span className={styles.conversationMeta}>
                {t(`customer.status.${conversation.status}`)} ·{' '}
                <time
                  dateTime={new Date(conversation.lastActivityAt).toISOString()}
                  title={dateTime(conversation.lastActivityAt)}
                >
                  {relative(conversation.lastActivityAt)}
                </time>
              </span>
              {conversation.lastMessage && (
                <span className={styles.conversationPreview}>{conversation.lastMessage.preview}</span>
              )}
              {open && <span className={styles.openBadge}>{t('customer.openNow')}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
