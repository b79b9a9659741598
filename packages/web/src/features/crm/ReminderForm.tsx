import type { CreateReminderRequest, MessageTemplate } from '@charla/contracts';
import { renderTemplateBody } from '@charla/contracts/rules';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import { chatApi } from '../chat/chat.api.ts';
import { mediaHeaderOf, TemplateHeaderFile } from '../chat/TemplateHeaderFile.tsx';
import { useTemplates } from '../settings/channels.queries.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { crmKeys, useCrmWrite } from './crm.queries.ts';
import { FormInput } from './FormInput.tsx';
import { localInputValue } from './reminder-time.ts';

/** A WhatsApp number the customer writes to, which a template reminder can be sent from. */
export type WhatsAppChannel = { id: string; name: string };

type ReminderFormProps = {
  customerId: string;
  timeZone: string;
  whatsappChannels: readonly WhatsAppChannel[];
  onDone: () => void;
};

const HOUR = 3_600_000;
const keyOf = (template: MessageTemplate) => `${template.name}:${template.language}`;

/** Schedule a reminder at a wall-clock time of the workspace's zone: notify the owner, or send a template. */
export function ReminderForm({ customerId, timeZone, whatsappChannels, onDone }: ReminderFormProps) {
  const { t } = useTranslation();
  const [at, setAt] = useState(() => localInputValue(Date.now() + HOUR, timeZone));
  const [kind, setKind] = useState<'notify' | 'template'>('notify');
  const [text, setText] = useState('');
  const [channelId, setChannelId] = useState(whatsappChannels[0]?.id ?? '');
  const [templateKey, setTemplateKey] = useState('');
  const [variables, setVariables] = useState<string[]>([]);
  const [headerFile, setHeaderFile] = useState<File | null>(null);
  const templates = useTemplates(channelId, kind === 'template' && channelId !== '');
  const approved = (templates.data ?? []).filter((template) => template.status === 'APPROVED');
  const template = approved.find((item) => keyOf(item) === templateKey) ?? null;
  const mediaHeader = template && mediaHeaderOf(template);
  // A media header's file is uploaded now and kept with the reminder until it fires.
  const create = useCrmWrite(
    async ({ body, file }: { body: CreateReminderRequest; file: File | null }) => {
      const { action } = body;
      if (!file || action.type !== 'template') return crmApi.createReminder(customerId, body);
      const headerMediaId = (await chatApi.uploadMedia(file, channelId)).id;
      return crmApi.createReminder(customerId, {
        ...body,
        action: { ...action, template: { ...action.template, headerMediaId } },
      });
    },
    [crmKeys.reminders(customerId)],
  );
  const errorText = useErrorText(create.error ?? templates.error);
  const fieldError = (name: string) => errorText?.fields[name];
  const channelSelectId = useId();
  const templateSelectId = useId();

  function request(): CreateReminderRequest | null {
    if (kind === 'notify') return { at, action: { type: 'notify', text } };
    if (!template) return null;
    return {
      at,
      action: {
        type: 'template',
        channelId,
        template: { name: template.name, language: template.language, variables },
      },
    };
  }

  return (
    <form
      className={styles.editor}
      aria-label={t('crm.reminders.new')}
      onSubmit={(event) => {
        event.preventDefault();
        const body = request();
        if (body) create.mutate({ body, file: mediaHeader ? headerFile : null }, { onSuccess: onDone });
      }}
    >
      <label className={styles.inlineLabel}>
        {t('crm.reminders.when')}
        <input
          type="datetime-local"
          className={styles.inlineInput}
          value={at}
          required
          aria-invalid={fieldError('at') ? true : undefined}
          onChange={(event) => setAt(event.target.value)}
        />
      </label>
      <p className={styles.hint}>{t('crm.reminders.zone', { zone: timeZone })}</p>
      {fieldError('at') && <p className={styles.error}>{fieldError('at')}</p>}
      <fieldset className={styles.choice}>
        <legend className={styles.inlineLabel}>{t('crm.reminders.action')}</legend>
        <label>
          <input type="radio" name="kind" checked={kind === 'notify'} onChange={() => setKind('notify')} />{' '}
          {t('crm.reminders.notify')}
        </label>
        <label>
          <input
            type="radio"
            name="kind"
            checked={kind === 'template'}
            disabled={whatsappChannels.length === 0}
            onChange={() => setKind('template')}
          />{' '}
          {t('crm.reminders.template')}
        </label>
        {whatsappChannels.length === 0 && <p className={styles.hint}>{t('crm.reminders.noWhatsApp')}</p>}
      </fieldset>
      {kind === 'notify' ? (
        <label className={styles.inlineLabel}>
          {t('crm.reminders.text')}
          <textarea
            className={styles.textarea}
            rows={2}
            value={text}
            required
            aria-invalid={fieldError('action.text') ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {fieldError('action.text') && <span className={styles.error}>{fieldError('action.text')}</span>}
        </label>
      ) : (
        <>
          {whatsappChannels.length > 1 && (
            <div className={styles.inlineField}>
              <label htmlFor={channelSelectId} className={styles.inlineLabel}>
                {t('crm.reminders.channel')}
              </label>
              <select
                id={channelSelectId}
                className={styles.inlineInput}
                value={channelId}
                onChange={(event) => {
                  setChannelId(event.target.value);
                  setTemplateKey('');
                }}
              >
                {whatsappChannels.map((channel) => (
                  <option key={channel.id} value={channel.id}>
                    {channel.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className={styles.inlineField}>
            <label htmlFor={templateSelectId} className={styles.inlineLabel}>
              {t('chat.template.pick')}
            </label>
            <select
              id={templateSelectId}
              className={styles.inlineInput}
              value={templateKey}
              required
              onChange={(event) => {
                setTemplateKey(event.target.value);
                setVariables([]);
                setHeaderFile(null);
              }}
            >
              <option value="">{t('chat.template.choose')}</option>
              {approved.map((item) => (
                <option key={keyOf(item)} value={keyOf(item)}>
                  {item.name} · {item.language}
                </option>
              ))}
            </select>
          </div>
          {templates.isSuccess && approved.length === 0 && (
            <p className={styles.hint}>{t('chat.template.none')}</p>
          )}
          {mediaHeader && (
            <TemplateHeaderFile
              kind={mediaHeader}
              file={headerFile}
              error={fieldError('action.template.headerMediaId') ?? null}
              onChange={setHeaderFile}
            />
          )}
          {template?.variables.map((variable, index) => (
            <FormInput
              key={variable}
              label={t('chat.template.variable', { name: variable })}
              value={variables[index] ?? ''}
              onChange={(value) => {
                const next = template.variables.map((_, at) => variables[at] ?? '');
                next[index] = value;
                setVariables(next);
              }}
            />
          ))}
          {template && (
            <p className={styles.preview}>
              {renderTemplateBody(template.body, template.variables, variables)}
            </p>
          )}
        </>
      )}
      {errorText && <Alert tone="danger">{errorText.message}</Alert>}
      <div className={styles.row}>
        <Button type="submit" size="sm" variant="primary" disabled={create.isPending}>
          {t('crm.reminders.schedule')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('crm.cancel')}
        </Button>
      </div>
    </form>
  );
}
