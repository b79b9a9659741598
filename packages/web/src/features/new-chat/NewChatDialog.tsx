import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../../shared/ui/index.ts';
import { useModalDialog } from '../../shared/ui/useModalDialog.ts';
import { useChannels } from '../settings/channels.queries.ts';
import styles from './NewChat.module.css';
import { NewChatForm } from './NewChatForm.tsx';
import { closeNewChat, useNewChatOpen } from './new-chat-store.ts';

/** New chat: WhatsApp only, because Meta lets a business start a chat only with a template there. */
export function NewChatDialog() {
  const { t } = useTranslation();
  const open = useNewChatOpen();
  const dialogRef = useModalDialog(open);
  const titleId = useId();
  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId} onClose={closeNewChat}>
      <h2 id={titleId} className={styles.title}>
        {t('newChat.title')}
      </h2>
      <p className={styles.intro}>{t('newChat.intro')}</p>
      {/* Mounted only while open: every opening starts fresh, with a new client id. */}
      {open && <NewChatBody />}
    </dialog>
  );
}

function NewChatBody() {
  const { t } = useTranslation();
  const channels = useChannels();
  const whatsApp = (channels.data ?? []).filter((channel) => channel.type === 'whatsapp' && channel.active);
  if (channels.isPending) return <p className={styles.muted}>{t('app.loading')}</p>;
  if (whatsApp.length === 0) {
    return (
      <>
        <Alert tone="info">{t('newChat.noChannels')}</Alert>
        <div className={styles.actions}>
          <Button onClick={closeNewChat}>{t('newChat.cancel')}</Button>
        </div>
      </>
    );
  }
  return <NewChatForm channels={whatsApp} onDone={closeNewChat} />;
}
