import type { Deal, Funnel } from '@charla/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { collectErrors, useForm } from '../../shared/forms/index.ts';
import { Alert, Button, ConfirmDialog, SelectField, TextField } from '../../shared/ui/index.ts';
import { useModalDialog } from '../../shared/ui/useModalDialog.ts';
import { useSession } from '../auth/index.ts';
import { parseMoney } from '../crm/money.ts';
import { useMembers } from '../settings/members.queries.ts';
import { type DealCustomer, DealCustomerPicker } from './DealCustomerPicker.tsx';
import styles from './Deals.module.css';
import { dealsApi } from './deals.api.ts';
import { useDealMutation } from './deals.queries.ts';

/** The currency a new deal starts with; the form lets any ISO 4217 code be typed. */
const DEFAULT_CURRENCY = 'MXN';

type DealDialogProps = {
  funnel: Funnel;
  deal: Deal | null;
  /** The customer a new deal starts with (the customer panel presets its customer). */
  customer?: DealCustomer;
  open: boolean;
  onClose: () => void;
};

/** Creating a deal (deal = null) or editing and deleting one, in a modal. */
export function DealDialog({ funnel, deal, customer, open, onClose }: DealDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog(open);
  const titleId = useId();
  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} className={styles.dialogTitle}>
        {deal ? t('deals.form.editTitle') : t('deals.form.createTitle')}
      </h2>
      {/* Mounted while open, so each opening starts from the deal as it is now. */}
      {open && (
        <DealForm
          key={deal?.id ?? 'new'}
          funnel={funnel}
          deal={deal}
          presetCustomer={customer}
          onDone={onClose}
        />
      )}
    </dialog>
  );
}

function amountText(deal: Deal | null): string {
  if (!deal) return '';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: deal.currency }).resolvedOptions()
    .maximumFractionDigits;
  return (deal.amount / 10 ** (digits ?? 2)).toFixed(digits ?? 2);
}

type DealFormProps = { funnel: Funnel; deal: Deal | null; presetCustomer?: DealCustomer; onDone: () => void };

function DealForm({ funnel, deal, presetCustomer, onDone }: DealFormProps) {
  const { t } = useTranslation();
  const { member } = useSession();
  const members = useMembers();
  const seesAll = member.role !== 'agent';
  const [customer, setCustomer] = useState<DealCustomer | null>(deal?.customer ?? presetCustomer ?? null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useDealMutation((body: Parameters<typeof dealsApi.createDeal>[0]) =>
    deal ? dealsApi.updateDeal(deal.id, body) : dealsApi.createDeal(body),
  );
  const remove = useDealMutation(dealsApi.deleteDeal);
  const serverError = useErrorText(save.error);
  const deleteError = useErrorText(remove.error);
  const form = useForm({
    initial: {
      title: deal?.title ?? '',
      amount: amountText(deal),
      currency: deal?.currency ?? DEFAULT_CURRENCY,
      stageId: deal?.stageId ?? funnel.stages[0]?.id ?? '',
      ownerId: deal ? (deal.owner?.id ?? '') : member.id,
      expectedCloseDate: deal?.expectedCloseDate ?? '',
      customerId: '',
    },
    validate: (values) =>
      collectErrors({
        title: values.title.trim() ? null : t('deals.form.titleRequired'),
        customerId: customer ? null : t('deals.form.customerRequired'),
        currency: /^[A-Za-z]{3}$/.test(values.currency.trim()) ? null : t('deals.form.currencyInvalid'),
        amount:
          /^[A-Za-z]{3}$/.test(values.currency.trim()) &&
          parseMoney(values.amount, values.currency.trim().toUpperCase()) === null
            ? t('deals.form.amountInvalid')
            : null,
      }),
    onSubmit: (values) => {
      const currency = values.currency.trim().toUpperCase();
      save.mutate(
        {
          title: values.title.trim(),
          customerId: customer?.id ?? '',
          amount: parseMoney(values.amount, currency) ?? 0,
          currency,
          stageId: values.stageId,
          ...(seesAll ? { ownerId: values.ownerId || null } : {}),
          expectedCloseDate: values.expectedCloseDate || null,
        },
        { onSuccess: onDone },
      );
    },
    onEdit: () => save.reset(),
  });
  const errors = { ...serverError?.fields, ...form.errors };

  return (
    <form noValidate onSubmit={form.handleSubmit} className={styles.dealForm}>
      <TextField
        label={t('deals.form.title')}
        name="title"
        autoComplete="off"
        value={form.values.title}
        error={errors.title}
        onChange={(event) => form.setValue('title', event.target.value)}
      />
      <DealCustomerPicker picked={customer} error={errors.customerId} onPick={setCustomer} />
      <div className={styles.formRow}>
        <TextField
          label={t('deals.form.amount')}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          value={form.values.amount}
          error={errors.amount}
          onChange={(event) => form.setValue('amount', event.target.value)}
        />
        <TextField
          label={t('deals.form.currency')}
          name="currency"
          autoComplete="off"
          maxLength={3}
          value={form.values.currency}
          error={errors.currency}
          onChange={(event) => form.setValue('currency', event.target.value)}
        />
      </div>
      <div className={styles.formRow}>
        <SelectField
          label={t('deals.form.stage')}
          name="stageId"
          value={form.values.stageId}
          error={errors.stageId}
          onChange={(event) => form.setValue('stageId', event.target.value)}
        >
          {funnel.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </SelectField>
        {seesAll && (
          <SelectField
            label={t('deals.form.owner')}
            name="ownerId"
            value={form.values.ownerId}
            error={errors.ownerId}
            onChange={(event) => form.setValue('ownerId', event.target.value)}
          >
            <option value="">{t('deals.noOwner')}</option>
            {(members.data ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TextField
        label={t('deals.form.expectedCloseDate')}
        name="expectedCloseDate"
        type="date"
        value={form.values.expectedCloseDate}
        error={errors.expectedCloseDate}
        onChange={(event) => form.setValue('expectedCloseDate', event.target.value)}
      />
      {serverError && <Alert tone="danger">{serverError.message}</Alert>}
      <div className={styles.dialogActions}>
        {deal && (
          <Button variant="danger" className={styles.deleteAction} onClick={() => setConfirmDelete(true)}>
            {t('deals.form.delete')}
          </Button>
        )}
        <Button onClick={onDone}>{t('deals.form.cancel')}</Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? t('deals.form.saving') : deal ? t('deals.form.save') : t('deals.form.create')}
        </Button>
      </div>
      {deal && (
        <ConfirmDialog
          open={confirmDelete}
          title={t('deals.form.deleteTitle', { title: deal.title })}
          body={t('deals.form.deleteBody')}
          confirmLabel={t('deals.form.deleteConfirm')}
          cancelLabel={t('deals.form.cancel')}
          busy={remove.isPending}
          error={deleteError?.message ?? null}
          onConfirm={() => remove.mutate(deal.id, { onSuccess: onDone })}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </form>
  );
}
