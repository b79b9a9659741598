import type { Reminder, ReminderStatus } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogText, useErrorText } from '../../shared/api/index.ts';
import { useFormatters } from '../../shared/i18n/format.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { crmKeys, useCrmWrite, useReminders, useWorkspaceTimeZone } from './crm.queries.ts';
import { ReminderForm, type WhatsAppChannel } from './ReminderForm.tsx';
import { formatInZone } from './reminder-time.ts';

type RemindersSectionProps = { customerId: string; whatsappChannels: readonly WhatsAppChannel[] };

/** Reminders about the customer, in the workspace's time zone: list, schedule, cancel. */
export function RemindersSection({ customerId, whatsappChannels }: RemindersSectionProps) {
  const { t } = useTranslation();
  const reminders = useReminders(customerId);
  const timeZone = useWorkspaceTimeZone();
  const [creating, setCreating] = useState(false);
  const loadError = useErrorText(reminders.error ?? timeZone.error);
  if (loadError) return <Alert tone="danger">{loadError.message}</Alert>;
  if (!reminders.data || !timeZone.data) return <p className={styles.muted}>{t('crm.loading')}</p>;

  return (
    <div className={styles.stack}>
      {creating ? (
        <ReminderForm
          customerId={customerId}
          timeZone={timeZone.data}
          whatsappChannels={whatsappChannels}
          onDone={() => setCreating(false)}
        />
      ) : (
        <Button size="sm" className={styles.startButton} onClick={() => setCreating(true)}>
          {t('crm.reminders.new')}
        </Button>
      )}
      {reminders.data.length === 0 ? (
        <p className={styles.muted}>{t('crm.reminders.none')}</p>
      ) : (
        <ul className={styles.list}>
          {reminders.data.map((reminder) => (
            <ReminderItem key={reminder.id} customerId={customerId} reminder={reminder} />
          ))}
        </ul>
      )}
    </div>
  );
}

const STATUS_STYLE: Record<ReminderStatus, string | undefined> = {
  scheduled: styles.badgeInfo,
  sent: styles.badgeSuccess,
  cancelled: styles.badgeMuted,
  failed: styles.badgeDanger,
};

function ReminderItem({ customerId, reminder }: { customerId: string; reminder: Reminder }) {
  const { t, i18n } = useTranslation();
  const { language } = useFormatters();
  const cancel = useCrmWrite(() => crmApi.cancelReminder(reminder.id), [crmKeys.reminders(customerId)]);
  const errorText = useErrorText(cancel.error);
  const { action } = reminder;
  return (
    <li className={styles.item}>
      <p className={styles.itemHead}>
        <time dateTime={new Date(reminder.runAt).toISOString()} className={styles.itemAuthor}>
          {formatInZone(reminder.runAt, reminder.timeZone, language)}
        </time>
        <span className={STATUS_STYLE[reminder.status]}>{t(`crm.reminders.status.${reminder.status}`)}</span>
      </p>
      <p className={styles.muted}>{reminder.timeZone}</p>
      <p className={styles.noteBody}>
        {action.type === 'notify'
          ? t('crm.reminders.notifyWhat', { text: action.text })
          : t('crm.reminders.templateWhat', {
              name: action.template.name,
              language: action.template.language,
            })}
      </p>
      {reminder.status === 'failed' && (reminder.failureCode || reminder.failureReason) && (
        <p className={styles.error}>
          {t('crm.reminders.failedBecause', {
            reason: catalogText(reminder.failureCode, i18n.resolvedLanguage) ?? reminder.failureReason ?? '',
          })}
        </p>
      )}
      {reminder.status === 'scheduled' && (
        <Button
          size="sm"
          variant="ghost"
          className={styles.startButton}
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(undefined)}
        >
          {t('crm.reminders.cancel')}
        </Button>
      )}
      {errorText && <Alert tone="danger">{errorText.message}</Alert>}
    </li>
  );
}
