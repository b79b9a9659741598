import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/index.ts';
import styles from './NewChat.module.css';
import { openNewChat } from './new-chat-store.ts';

/** The top bar's way into New chat (also `n` and the command palette). */
export function NewChatButton() {
  const { t } = useTranslation();
  return (
    <Button variant="primary" size="sm" className={styles.button} aria-keyshortcuts="N" onClick={openNewChat}>
      <span aria-hidden="true" className={styles.plus}>
        +
      </span>
      <span className={styles.buttonLabel}>{t('newChat.button')}</span>
    </Button>
  );
}
