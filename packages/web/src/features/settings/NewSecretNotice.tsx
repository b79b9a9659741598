import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKeyResponse } from '../../shared/api/types.ts';
import { Button, CopyIcon } from '../../shared/ui/index.ts';
import styles from './NewSecretNotice.module.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** The only time a key's secret is visible: copy it, read the warning, confirm. */
export function NewSecretNotice({ created, onDone }: { created: CreatedApiKeyResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  // Move focus here so keyboard and screen-reader users land on the secret and its warning.
  useEffect(() => headingRef.current?.focus(), []);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy('copied');
    } catch {
      inputRef.current?.select();
      setCopy('failed');
    }
  }

  return (
    <div className={styles.notice}>
      <h3 ref={headingRef} tabIndex={-1} className={styles.title}>
        {t('apiKeys.secretTitle', { name: created.apiKey.name })}
      </h3>
      <p className={styles.warning}>{t('apiKeys.secretWarning')}</p>
      <label htmlFor={inputId} className={styles.label}>
        {t('apiKeys.secretLabel')}
      </label>
      <div className={styles.row}>
        <input
          ref={inputRef}
          id={inputId}
          className={styles.secret}
          value={created.secret}
          readOnly
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="primary" onClick={() => void handleCopy()}>
          <CopyIcon size={18} />
          {copy === 'copied' ? t('apiKeys.copied') : t('apiKeys.copy')}
        </Button>
      </div>
      <p role="status" className={styles.copyStatus}>
        {copy === 'failed' ? t('apiKeys.copyFailed') : ''}
      </p>
      <Button onClick={onDone}>{t('apiKeys.done')}</Button>
    </div>
  );
}
