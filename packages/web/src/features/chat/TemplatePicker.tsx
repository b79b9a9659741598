import type { MessageTemplate } from '@charla/contracts';
import { renderTemplateBody } from '@charla/contracts/rules';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import { useTemplates } from '../settings/channels.queries.ts';
import { languageName } from '../settings/template-text.ts';
import styles from './Composer.module.css';
import type { Outgoing } from './outgoing.ts';
import { mediaHeaderOf, TemplateHeaderFile } from './TemplateHeaderFile.tsx';

type TemplatePickerProps = {
  channelId: string;
  onSend: (outgoing: Outgoing) => Promise<void>;
};

const keyOf = (template: MessageTemplate) => `${template.name}:${template.language}`;

/** With the WhatsApp window closed: pick an approved template, fill its variables, preview, send. */
export function TemplatePicker({ channelId, onSend }: TemplatePickerProps) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates(channelId, true);
  const approved = (templates.data ?? []).filter((template) => template.status === 'APPROVED');
  const [selectedKey, setSelectedKey] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [headerFile, setHeaderFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorText = useErrorText(error ?? templates.error);
  const selectId = useId();
  const selected = approved.find((template) => keyOf(template) === selectedKey) ?? null;

  if (templates.isPending) return <p className={styles.hint}>{t('chat.template.loading')}</p>;
  if (approved.length === 0 && !templates.isError) {
    return <p className={styles.hint}>{t('chat.template.none')}</p>;
  }

  const mediaHeader = selected && mediaHeaderOf(selected);
  const filled =
    (selected?.variables.every((_, index) => (values[index] ?? '').trim() !== '') ?? false) &&
    (!mediaHeader || headerFile !== null);
  async function handleSend() {
    if (!selected || !filled) return;
    setSending(true);
    setError(null);
    const parameters = selected.variables.map((_, index) => (values[index] ?? '').trim());
    try {
      await onSend({
        type: 'template',
        templateName: selected.name,
        language: selected.language,
        parameters,
        previewText: renderTemplateBody(selected.body, selected.variables, parameters),
        header: mediaHeader && headerFile ? { kind: mediaHeader, file: headerFile } : null,
      });
      setSelectedKey('');
      setValues([]);
      setHeaderFile(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className={styles.templates}>
      <label htmlFor={selectId} className={styles.fieldLabel}>
        {t('chat.template.pick')}
      </label>
      <select
        id={selectId}
        className={styles.select}
        value={selectedKey}
        onChange={(event) => {
          setSelectedKey(event.target.value);
          setValues([]);
          setHeaderFile(null);
        }}
      >
        <option value="">{t('chat.template.choose')}</option>
        {approved.map((template) => (
          <option key={keyOf(template)} value={keyOf(template)}>
            {template.name} · {languageName(template.language, i18n.resolvedLanguage ?? 'en')}
          </option>
        ))}
      </select>
      {selected && (
        <>
          {mediaHeader && (
            <TemplateHeaderFile kind={mediaHeader} file={headerFile} onChange={setHeaderFile} />
          )}
          {selected.variables.map((variable, index) => (
            <label key={variable} className={styles.variable}>
              <span className={styles.fieldLabel}>{t('chat.template.variable', { name: variable })}</span>
              <input
                className={styles.input}
                value={values[index] ?? ''}
                onChange={(event) => {
                  const next = [...values];
                  next[index] = event.target.value;
                  setValues(next);
                }}
              />
            </label>
          ))}
          <p className={styles.fieldLabel}>{t('chat.template.preview')}</p>
          <div className={styles.preview}>
            {selected.header?.text && <p className={styles.previewHeader}>{selected.header.text}</p>}
            <p className={styles.previewBody}>
              {renderTemplateBody(selected.body, selected.variables, values)}
            </p>
            {selected.footer && <p className={styles.previewFooter}>{selected.footer}</p>}
          </div>
          <Button variant="primary" onClick={handleSend} disabled={!filled || sending}>
            {sending ? t('chat.composer.sending') : t('chat.template.send')}
          </Button>
        </>
      )}
      {errorText && <Alert tone="danger">{errorText.message}</Alert>}
    </div>
  );
}
