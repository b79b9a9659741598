import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, CopyIcon } from '../../shared/ui/index.ts';
import styles from './Channels.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only value with a copy button; if the clipboard is refused, the text is selected. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      inputRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className={styles.copyField}>
      <label htmlFor={inputId} className={styles.copyLabel}>
        {label}
      </label>
      <div className={styles.copyRow}>
        <input
          ref={inputRef}
          id={inputId}
          className={styles.copyValue}
          value={value}
          readOnly
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button aria-label={t('channels.webhook.copyFor', { label })} onClick={() => void handleCopy()}>
          <CopyIcon size={18} />
          {copy === 'copied' ? t('channels.webhook.copied') : t('channels.webhook.copy')}
        </Button>
      </div>
      <p role="status" className={styles.copyStatus}>
        {copy === 'failed' ? t('channels.webhook.copyFailed') : ''}
      </p>
    </div>
  );
}
