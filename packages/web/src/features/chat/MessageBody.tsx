import type { Message } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { AttachmentView } from './AttachmentView.tsx';
import styles from './MessageBody.module.css';
import { MessageText } from './MessageText.tsx';

function assertNever(value: never): never {
  throw new Error(`Unexpected message content: ${JSON.stringify(value)}`);
}

function Caption({ text }: { text: string | null }) {
  return text ? (
    <p className={styles.text}>
      <MessageText text={text} />
    </p>
  ) : null;
}

function ExternalLink({ href, label }: { href: string | null; label: string }) {
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={styles.external}>
      {label}
    </a>
  ) : null;
}

/** What a message says, by kind; kinds Charla cannot show yet get a clear placeholder. */
export function MessageBody({ message }: { message: Message }) {
  const { t } = useTranslation();
  const { content, text } = message;
  const files = (kind: 'image' | 'video' | 'audio' | 'document' | 'sticker') =>
    message.attachments.map((attachment, index) => (
      <AttachmentView key={attachment.mediaId ?? `${index}`} attachment={attachment} kind={kind} />
    ));
  switch (content.kind) {
    case 'text':
    case 'note':
      return <Caption text={text} />;
    case 'image':
    case 'video':
    case 'document':
    case 'sticker':
      return (
        <>
          {files(content.kind)}
          {message.attachments.length === 0 && (
            <p className={styles.placeholder}>{t('chat.media.fetching')}</p>
          )}
          <Caption text={text} />
        </>
      );
    case 'audio':
      return (
        <>
          {content.voice && <p className={styles.label}>{t('chat.media.voiceNote')}</p>}
          {files('audio')}
          <Caption text={text} />
        </>
      );
    case 'location': {
      const { latitude, longitude, name, address } = content;
      const href = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
      return (
        <div className={styles.card}>
          <p className={styles.label}>📍 {name ?? t('chat.location.title')}</p>
          {address && <p className={styles.muted}>{address}</p>}
          <ExternalLink href={href} label={t('chat.location.openMap')} />
        </div>
      );
    }
    case 'contacts':
      return (
        <div className={styles.contacts}>
          {content.contacts.map((contact) => (
            <div key={`${contact.name}:${contact.phones.join(',')}`} className={styles.card}>
              <p className={styles.label}>👤 {contact.name}</p>
              {contact.phones.map((phone) => (
                <a key={phone} href={`tel:${phone.replace(/[^\d+]/g, '')}`} className={styles.external}>
                  {phone}
                </a>
              ))}
              {contact.emails.map((email) => (
                <a key={email} href={`mailto:${email}`} className={styles.external}>
                  {email}
                </a>
              ))}
            </div>
          ))}
        </div>
      );
    case 'reaction':
      return (
        <p className={styles.muted}>
          {content.emoji ? t('chat.reaction.added', { emoji: content.emoji }) : t('chat.reaction.removed')}
        </p>
      );
    case 'interactive_reply':
      return (
        <p className={styles.choice}>
          <span className={styles.label}>{t('chat.interactive.chose')}</span> {content.title}
        </p>
      );
    case 'template':
      return (
        <>
          <p className={styles.label}>{t('chat.template.label', { name: content.name })}</p>
          {content.mediaHeader && files(content.mediaHeader)}
          <Caption text={text} />
        </>
      );
    case 'story_reply':
    case 'story_mention':
      return (
        <>
          <p className={styles.label}>
            {t(`chat.story.${content.kind === 'story_reply' ? 'reply' : 'mention'}`)}
          </p>
          <ExternalLink href={content.storyUrl} label={t('chat.story.open')} />
          <Caption text={text} />
        </>
      );
    case 'share':
      return (
        <>
          <p className={styles.label}>{t('chat.share.label')}</p>
          <ExternalLink href={content.url} label={t('chat.share.open')} />
          <Caption text={text} />
        </>
      );
    case 'unsupported':
      return <p className={styles.placeholder}>{t('chat.unsupported', { type: content.providerType })}</p>;
    case 'deleted':
      return <p className={styles.placeholder}>{t('chat.deleted')}</p>;
    case 'activity':
      // Activity lines have their own row (ActivityLine); nothing to draw inside a bubble.
      return null;
    default:
      return assertNever(content);
  }
}
