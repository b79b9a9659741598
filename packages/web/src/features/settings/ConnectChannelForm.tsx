import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/api/index.ts';
import { type FieldMessages, focusFirstInvalid, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, TextField } from '../../shared/ui/index.ts';
import styles from './Channels.module.css';
import { ChannelTypeIcon } from './ChannelTypeIcon.tsx';
import { useChannelErrorText } from './channel-errors.ts';
import {
  CHANNEL_TYPE_OPTIONS,
  type ChannelFieldSpec,
  type ChannelFormValues,
  EMPTY_CHANNEL_FORM,
  EXTERNAL_ID_FIELD,
  FIELDS_BY_TYPE,
  toChannelType,
  toCreateChannelRequest,
  validateChannelForm,
} from './channel-form.ts';
import { useConnectChannel } from './channels.queries.ts';
import settingsStyles from './Settings.module.css';
import { SettingsCard } from './SettingsParts.tsx';

/** Connects a WhatsApp number, Page or Instagram account: the type first, then its own fields. */
export function ConnectChannelForm({ onConnected }: { onConnected: (message: string) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const connect = useConnectChannel();
  const serverError = useChannelErrorText(connect.error);
  const form = useForm<ChannelFormValues>({
    initial: EMPTY_CHANNEL_FORM,
    validate: validateChannelForm,
    onSubmit: (values) =>
      connect.mutate(toCreateChannelRequest(values), {
        onSuccess: (channel) => {
          form.reset();
          onConnected(t('channels.notices.connected', { name: channel.name }));
        },
        // Land on the first field the server refused, as the client-side checks do.
        onError: (error) => {
          if (error instanceof ApiError) focusFirstInvalid(formRef.current, refusedFields(error, values));
        },
      }),
    onEdit: () => connect.reset(),
  });
  const type = toChannelType(form.values.type);
  // "Already connected" is about the id field: say it there too, not only below the form.
  const alreadyConnected =
    connect.error instanceof ApiError && connect.error.code === 'CHANNEL_ALREADY_CONNECTED';
  const errors: FieldMessages = {
    ...serverError?.fields,
    ...(alreadyConnected && serverError ? { [EXTERNAL_ID_FIELD[type]]: serverError.message } : {}),
    ...form.errors,
  };

  function renderField(spec: ChannelFieldSpec) {
    const label = t(`channels.fields.${spec.name}`);
    const secret = spec.kind === 'token' || spec.kind === 'appSecret';
    return (
      <TextField
        key={spec.name}
        label={spec.required ? label : t('channels.fields.optional', { label })}
        name={spec.name}
        type={secret ? 'password' : 'text'}
        inputMode={spec.kind === 'graphId' ? 'numeric' : undefined}
        autoComplete={secret ? 'new-password' : 'off'}
        spellCheck={false}
        hint={t(`channels.hints.${spec.hint}`)}
        value={form.values[spec.name]}
        error={errors[spec.name]}
        onChange={(event) => form.setValue(spec.name, event.target.value)}
      />
    );
  }

  return (
    <SettingsCard title={t('channels.connect.title')}>
      <p className={settingsStyles.cardIntro}>{t('channels.connect.intro')}</p>
      <form ref={formRef} noValidate onSubmit={form.handleSubmit} className={styles.connectForm}>
        <fieldset className={styles.typePicker}>
          <legend className={styles.legend}>{t('channels.connect.type')}</legend>
          <div className={styles.typeOptions}>
            {CHANNEL_TYPE_OPTIONS.map((option) => (
              <label key={option} className={styles.typeOption}>
                <input
                  type="radio"
                  name="type"
                  value={option}
                  checked={type === option}
                  onChange={() => form.setValue('type', option)}
                />
                <ChannelTypeIcon type={option} />
                {t(`channels.types.${option}`)}
              </label>
            ))}
          </div>
          <p className={styles.typeHelp}>{t(`channels.connect.help.${type}`)}</p>
        </fieldset>
        <div className={settingsStyles.formGrid}>
          {FIELDS_BY_TYPE[type].map(renderField)}
          {serverError && (
            <Alert tone="danger" className={settingsStyles.span2}>
              {serverError.message}
            </Alert>
          )}
          <div className={`${settingsStyles.formActions} ${settingsStyles.span2}`}>
            <Button type="submit" variant="primary" disabled={connect.isPending}>
              {connect.isPending ? t('channels.connect.submitting') : t('channels.connect.submit')}
            </Button>
          </div>
        </div>
      </form>
    </SettingsCard>
  );
}

/** The inputs a server error points at, to move focus to the first: its fields, or the id. */
function refusedFields(error: ApiError, values: ChannelFormValues): FieldMessages {
  const fields: FieldMessages = {};
  if (error.code === 'CHANNEL_ALREADY_CONNECTED')
    fields[EXTERNAL_ID_FIELD[toChannelType(values.type)]] = error.message;
  for (const field of error.fields) fields[field.field.replace(/^body\./, '')] = field.message;
  return fields;
}
