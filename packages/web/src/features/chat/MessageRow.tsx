import type { Message } from '@charla/contracts';
import type { TFunction } from 'i18next';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { classNames } from '../../shared/ui/index.ts';
import { ActivityLine } from './ActivityLine.tsx';
import { DeliveryTick } from './DeliveryTick.tsx';
import { canRetry } from './delivery-ticks.ts';
import { MessageBody } from './MessageBody.tsx';
import styles from './MessageRow.module.css';
import { UNSENT_ERROR_CODE } from './outgoing.ts';

type MessageRowProps = {
  message: Message;
  firstOfGroup: boolean;
  highlighted: boolean;
  /** False for supervisors: no reply and no retry toward the customer. */
  canWrite: boolean;
  memberName: (memberId: string) => string | null;
  formatTime: (timestamp: number) => string;
  onReply: (message: Message) => void;
  onRetry: (message: Message) => Promise<void>;
  onRevealQuoted: (messageId: string) => void;
};

function authorLabel(message: Message, t: TFunction): string | null {
  switch (message.author.type) {
    case 'member':
      return message.author.name;
    case 'bot':
      return t('chat.author.bot');
    case 'external':
      return t('chat.author.external');
    case 'customer':
      return null;
  }
}

/** One message: quote, body, reactions, time, author, ticks, and a failed send's reason and retry. */
export const MessageRow = memo(function MessageRow({
  message,
  firstOfGroup,
  highlighted,
  canWrite,
  memberName,
  formatTime,
  onReply,
  onRetry,
  onRevealQuoted,
}: MessageRowProps) {
  const { t } = useTranslation();
  const [retryError, setRetryError] = useState<unknown>(null);
  const [retrying, setRetrying] = useState(false);
  const retryErrorText = useErrorText(retryError);
  const time = formatTime(message.createdAt);

  if (message.kind === 'activity') {
    return <ActivityLine message={message} memberName={memberName} time={time} />;
  }

  const side =
    message.direction === 'inbound' ? 'inbound' : message.direction === 'internal' ? 'note' : 'outbound';
  const failed = message.delivery?.state === 'failed';
  const author = authorLabel(message, t);
  const replyable = canWrite && message.direction !== 'internal' && !message.id.startsWith('pending:');

  async function handleRetry() {
    setRetrying(true);
    setRetryError(null);
    try {
      await onRetry(message);
    } catch (error) {
      setRetryError(error);
    } finally {
      setRetrying(false);
    }
  }

  return (
    <div className={classNames(styles.row, styles[side], firstOfGroup && styles.groupStart)}>
      <article
        className={classNames(
          styles.bubble,
          highlighted && styles.highlighted,
          failed && styles.failedBubble,
        )}
        aria-label={side === 'note' ? t('chat.note.label', { author: author ?? '' }) : undefined}
      >
        {side === 'note' && <p className={styles.noteTag}>{t('chat.note.tag', { author: author ?? '' })}</p>}
        {message.replyTo && (
          <button
            type="button"
            className={styles.quote}
            onClick={() => message.replyTo && onRevealQuoted(message.replyTo.messageId)}
            aria-label={t('chat.reply.showQuoted', { preview: message.replyTo.preview })}
          >
            {message.replyTo.preview || t('chat.reply.media')}
          </button>
        )}
        <MessageBody message={message} />
        {message.reactions.length > 0 && (
          <ul className={styles.reactions} aria-label={t('chat.reaction.list')}>
            {message.reactions.map((reaction) => (
              <li
                key={`${reaction.by}:${reaction.memberId ?? ''}:${reaction.emoji}`}
                title={
                  reaction.by === 'customer'
                    ? t('chat.reaction.byCustomer')
                    : (reaction.memberId && memberName(reaction.memberId)) || t('chat.reaction.byTeam')
                }
              >
                {reaction.emoji}
              </li>
            ))}
          </ul>
        )}
        <p className={styles.meta}>
          {side !== 'note' && author && <span className={styles.author}>{author}</span>}
          <time dateTime={new Date(message.createdAt).toISOString()}>{time}</time>
          <DeliveryTick message={message} />
        </p>
        {failed && (
          <div className={styles.failure} role="status">
            <span>
              {message.delivery?.errorCode === UNSENT_ERROR_CODE
                ? t('chat.failed.unsent')
                : t('chat.failed.reason', {
                    reason: message.delivery?.errorReason ?? t('chat.failed.unknown'),
                  })}
            </span>
            {canWrite && canRetry(message) && (
              <button type="button" className={styles.retry} onClick={handleRetry} disabled={retrying}>
                {retrying ? t('chat.failed.retrying') : t('chat.failed.retry')}
              </button>
            )}
            {retryErrorText && <span className={styles.retryError}>{retryErrorText.message}</span>}
          </div>
        )}
      </article>
      {replyable && (
        <button
          type="button"
          className={styles.replyAction}
          onClick={() => onReply(message)}
          aria-label={t('chat.reply.action')}
          title={t('chat.reply.action')}
        >
          ↩
        </button>
      )}
    </div>
  );
});
