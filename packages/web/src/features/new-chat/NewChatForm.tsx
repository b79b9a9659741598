import type { Channel, MessageTemplate } from '@charla/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, useErrorText } from '../../shared/api/index.ts';
import { type FieldMessages, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, SelectField, TextField } from '../../shared/ui/index.ts';
import { newClientId } from '../chat/client-id.ts';
import { mediaHeaderOf, TemplateHeaderFile } from '../chat/TemplateHeaderFile.tsx';
import { useTemplates } from '../settings/channels.queries.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import styles from './NewChat.module.css';
import { type CustomerChoice, newChatApi } from './new-chat.api.ts';
import {
  checkNewChat,
  initialValues,
  inputForServerField,
  isSendableTemplate,
  type NewChatValues,
  startRequest,
  templateKey,
  variableField,
  variableValues,
} from './new-chat-form.ts';
import { PhoneFields } from './PhoneFields.tsx';
import { type Region, regionOfNumber } from './phone-entry.ts';
import { TemplatePreview } from './TemplatePreview.tsx';

type NewChatFormProps = { channels: readonly Channel[]; onDone: () => void };

/**
 * Number, recipient, approved template and its variables, with a live preview. One client id
 * per opening of the dialog, so a double click or a retry after a network error sends once.
 */
export function NewChatForm({ channels, onDone }: NewChatFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [clientId] = useState(newClientId);
  const [picked, setPicked] = useState<CustomerChoice | null>(null);
  const first = channels[0];
  const [headerFile, setHeaderFile] = useState<File | null>(null);
  const [headerMissing, setHeaderMissing] = useState(false);
  const start = useMutation({ mutationFn: newChatApi.start });
  const serverError = useErrorText(start.error);

  // The number is chosen outside the form state: its templates must be known before the form
  // validates (validation runs while rendering).
  const [channelId, setChannelId] = useState(first?.id ?? '');
  const templates = useTemplates(channelId, Boolean(channelId));
  const approved = (templates.data ?? []).filter(isSendableTemplate);
  const withHeaderVariables = (templates.data ?? []).filter(
    (item) => item.status === 'APPROVED' && !isSendableTemplate(item),
  ).length;
  const templateOf = (values: NewChatValues): MessageTemplate | undefined =>
    approved.find((item) => templateKey(item) === values.template);

  const form = useForm<NewChatValues>({
    initial: initialValues(channelId, regionOfNumber(first?.address?.replace(/\D/g, '') ?? null)),
    validate: (values, translate): FieldMessages => checkNewChat(values, templateOf(values), translate),
    onSubmit: (values) => {
      const chosen = templateOf(values);
      if (!chosen) return;
      const needsFile = mediaHeaderOf(chosen) !== null;
      setHeaderMissing(needsFile && !headerFile);
      if (needsFile && !headerFile) return;
      const request = startRequest({ ...values, channelId }, chosen, clientId);
      start.mutate(
        { request, headerFile: needsFile ? headerFile : null },
        {
          onSuccess: ({ conversation }) => {
            onDone();
            navigate(`/inbox/${conversation.id}`);
          },
        },
      );
    },
    onEdit: () => start.reset(),
  });
  const { values, setValue } = form;
  const template = templateOf(values);

  const serverFields: Record<string, string> = {};
  if (start.error instanceof ApiError && serverError) {
    for (const [field, message] of Object.entries(serverError.fields)) {
      serverFields[inputForServerField(field, template)] = message;
    }
  }
  const errorOf = (name: string) => form.errors[name] ?? serverFields[name];

  return (
    <form className={styles.form} noValidate onSubmit={form.handleSubmit}>
      {channels.length > 1 && (
        <SelectField
          label={t('newChat.channel')}
          name="channelId"
          value={channelId}
          onChange={(event) => {
            setChannelId(event.target.value);
            setValue('template', '');
          }}
        >
          {channels.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.address ? `${channel.name} (+${channel.address.replace(/\D/g, '')})` : channel.name}
            </option>
          ))}
        </SelectField>
      )}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('newChat.recipient')}</legend>
        <div className={styles.modes}>
          {(['phone', 'customer'] as const).map((mode) => (
            <label key={mode} className={styles.mode}>
              <input
                type="radio"
                name="mode"
                value={mode}
                checked={values.mode === mode}
                onChange={() => setValue('mode', mode)}
              />
              {mode === 'phone' ? t('newChat.byPhone') : t('newChat.byCustomer')}
            </label>
          ))}
        </div>
        {values.mode === 'phone' ? (
          <PhoneFields
            region={values.region as Region}
            phone={values.phone ?? ''}
            error={errorOf('phone')}
            onRegion={(region) => setValue('region', region)}
            onPhone={(phone) => setValue('phone', phone)}
          />
        ) : (
          <CustomerPicker
            picked={picked}
            error={errorOf('customerSearch')}
            onPick={(customer) => {
              setPicked(customer);
              setValue('customerId', customer?.id ?? '');
            }}
          />
        )}
      </fieldset>

      {templates.isPending ? (
        <p className={styles.muted}>{t('newChat.loadingTemplates')}</p>
      ) : approved.length === 0 ? (
        <Alert tone="info">{t('newChat.noTemplates')}</Alert>
      ) : (
        <SelectField
          label={t('newChat.template')}
          name="template"
          value={values.template}
          error={errorOf('template')}
          onChange={(event) => {
            setValue('template', event.target.value);
            setHeaderFile(null);
          }}
        >
          <option value="">{t('newChat.chooseTemplate')}</option>
          {approved.map((item) => (
            <option key={templateKey(item)} value={templateKey(item)}>
              {item.name} · {item.language}
            </option>
          ))}
        </SelectField>
      )}

      {withHeaderVariables > 0 && (
        <p className={styles.muted}>{t('newChat.headerVariablesHidden', { count: withHeaderVariables })}</p>
      )}

      {template && mediaHeaderOf(template) && (
        <TemplateHeaderFile
          kind={mediaHeaderOf(template) ?? 'image'}
          file={headerFile}
          error={
            headerMissing && !headerFile ? t('newChat.headerFileRequired') : (errorOf('headerFile') ?? null)
          }
          onChange={setHeaderFile}
        />
      )}

      {template?.variables.map((name) => (
        <TextField
          key={name}
          label={t('newChat.variable', { name: `{{${name}}}` })}
          name={variableField(name)}
          value={values[variableField(name)] ?? ''}
          error={errorOf(variableField(name))}
          maxLength={1024}
          onChange={(event) => setValue(variableField(name), event.target.value)}
        />
      ))}

      {template && <TemplatePreview template={template} values={variableValues(values, template)} />}

      {serverError && Object.keys(serverFields).length === 0 && (
        <Alert tone="danger">{serverError.message}</Alert>
      )}

      <div className={styles.actions}>
        <Button onClick={onDone}>{t('newChat.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={start.isPending}>
          {start.isPending ? t('newChat.sending') : t('newChat.send')}
        </Button>
      </div>
    </form>
  );
}
