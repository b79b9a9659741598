import type { OrderStatus } from '@charla/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { useFormatters } from '../../shared/i18n/format.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { crmKeys, useCrmWrite } from './crm.queries.ts';
import { FormInput } from './FormInput.tsx';
import { formatMoney } from './money.ts';
import {
  type DraftProblem,
  draftTotal,
  emptyItem,
  type OrderDraft,
  orderRequestFromDraft,
} from './order-draft.ts';

const STATUSES = ['pending', 'paid', 'cancelled'] as const satisfies readonly OrderStatus[];

type OrderFormProps = { customerId: string; defaultCurrency: string; onDone: () => void };

/** A new order typed in the panel: item lines, currency, status and notes; the total as you type. */
export function OrderForm({ customerId, defaultCurrency, onDone }: OrderFormProps) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const [draft, setDraft] = useState<OrderDraft>({
    currency: defaultCurrency,
    status: 'pending',
    notes: '',
    items: [emptyItem()],
  });
  const [problems, setProblems] = useState<Record<string, DraftProblem>>({});
  const create = useCrmWrite(
    (request: Parameters<typeof crmApi.createOrder>[1]) => crmApi.createOrder(customerId, request),
    [crmKeys.orders(customerId)],
  );
  const errorText = useErrorText(create.error);
  const total = draftTotal(draft);
  const statusId = useId();

  const problemAt = (key: string) => {
    const problem = problems[key];
    return problem ? t(`crm.orders.problem.${problem}`) : errorText?.fields[key];
  };
  const setItem = (index: number, change: Partial<OrderDraft['items'][number]>) =>
    setDraft({
      ...draft,
      items: draft.items.map((item, at) => (at === index ? { ...item, ...change } : item)),
    });

  return (
    <form
      className={styles.editor}
      aria-label={t('crm.orders.new')}
      onSubmit={(event) => {
        event.preventDefault();
        const result = orderRequestFromDraft(draft);
        setProblems(result.ok ? {} : result.problems);
        if (result.ok) create.mutate(result.request, { onSuccess: onDone });
      }}
    >
      {draft.items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place, only the last is removed
        <fieldset key={index} className={styles.orderLine}>
          <legend className={styles.inlineLabel}>{t('crm.orders.item', { number: index + 1 })}</legend>
          <FormInput
            label={t('crm.orders.itemName')}
            value={item.name}
            error={problemAt(`items.${index}.name`)}
            onChange={(name) => setItem(index, { name })}
          />
          <FormInput
            label={t('crm.orders.sku')}
            value={item.sku}
            error={problemAt(`items.${index}.sku`)}
            onChange={(sku) => setItem(index, { sku })}
          />
          <div className={styles.pair}>
            <FormInput
              label={t('crm.orders.quantity')}
              inputMode="numeric"
              value={item.quantity}
              error={problemAt(`items.${index}.quantity`)}
              onChange={(quantity) => setItem(index, { quantity })}
            />
            <FormInput
              label={t('crm.orders.unitPrice')}
              inputMode="decimal"
              value={item.unitPrice}
              error={problemAt(`items.${index}.unitPrice`)}
              onChange={(unitPrice) => setItem(index, { unitPrice })}
            />
          </div>
        </fieldset>
      ))}
      <div className={styles.row}>
        <Button size="sm" onClick={() => setDraft({ ...draft, items: [...draft.items, emptyItem()] })}>
          {t('crm.orders.addItem')}
        </Button>
        {draft.items.length > 1 && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setDraft({ ...draft, items: draft.items.slice(0, -1) })}
          >
            {t('crm.orders.removeItem')}
          </Button>
        )}
      </div>
      <div className={styles.pair}>
        <FormInput
          label={t('crm.orders.currency')}
          value={draft.currency}
          maxLength={3}
          error={problemAt('currency')}
          onChange={(currency) => setDraft({ ...draft, currency: currency.toUpperCase() })}
        />
        <div className={styles.inlineField}>
          <label htmlFor={statusId} className={styles.inlineLabel}>
            {t('crm.orders.statusLabel')}
          </label>
          <select
            id={statusId}
            className={styles.inlineInput}
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value as OrderStatus })}
          >
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`crm.orders.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className={styles.inlineLabel}>
        {t('crm.orders.notes')}
        <textarea
          className={styles.textarea}
          rows={2}
          value={draft.notes}
          onChange={(event) => setDraft({ ...draft, notes: event.target.value })}
        />
      </label>
      <p className={styles.itemHead}>
        <span>{t('crm.orders.total')}</span>
        <strong>
          {total === null ? '—' : formatMoney(total, draft.currency.trim().toUpperCase(), language)}
        </strong>
      </p>
      {errorText && <Alert tone="danger">{errorText.message}</Alert>}
      <div className={styles.row}>
        <Button type="submit" size="sm" variant="primary" disabled={create.isPending}>
          {t('crm.orders.create')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('crm.cancel')}
        </Button>
      </div>
    </form>
  );
}
