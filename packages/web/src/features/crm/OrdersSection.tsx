import type { Order, OrderStatus } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { useFormatters } from '../../shared/i18n/format.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { crmKeys, useCrmWrite, useOrders } from './crm.queries.ts';
import { formatMoney } from './money.ts';
import { OrderForm } from './OrderForm.tsx';

/** The customer's orders: totals per status, the history, a new order, paid / cancelled. */
export function OrdersSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const orders = useOrders(customerId);
  const [creating, setCreating] = useState(false);
  const loadError = useErrorText(orders.error);
  if (loadError) return <Alert tone="danger">{loadError.message}</Alert>;
  if (!orders.data) return <p className={styles.muted}>{t('crm.loading')}</p>;
  const { items, totals } = orders.data;

  return (
    <div className={styles.stack}>
      {totals.length > 0 && (
        <dl className={styles.totals} aria-label={t('crm.orders.totals')}>
          {totals.map((total) => (
            <div key={`${total.status}:${total.currency}`} className={styles.total}>
              <dt>
                {t('crm.orders.statusCount', {
                  status: t(`crm.orders.status.${total.status}`),
                  count: total.count,
                })}
              </dt>
              <dd>{formatMoney(total.amount, total.currency, language)}</dd>
            </div>
          ))}
        </dl>
      )}
      {creating ? (
        <OrderForm
          customerId={customerId}
          defaultCurrency={items[0]?.currency ?? 'MXN'}
          onDone={() => setCreating(false)}
        />
      ) : (
        <Button size="sm" className={styles.startButton} onClick={() => setCreating(true)}>
          {t('crm.orders.new')}
        </Button>
      )}
      {items.length === 0 ? (
        <p className={styles.muted}>{t('crm.orders.none')}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((order) => (
            <OrderItem key={order.id} customerId={customerId} order={order} />
          ))}
        </ul>
      )}
    </div>
  );
}

const STATUS_STYLE: Record<OrderStatus, string | undefined> = {
  pending: styles.badgeWarning,
  paid: styles.badgeSuccess,
  cancelled: styles.badgeMuted,
};

function OrderItem({ customerId, order }: { customerId: string; order: Order }) {
  const { t } = useTranslation();
  const { language, date } = useFormatters();
  const setStatus = useCrmWrite(
    (status: OrderStatus) => crmApi.setOrderStatus(order.id, status),
    [crmKeys.orders(customerId)],
  );
  const errorText = useErrorText(setStatus.error);
  return (
    <li className={styles.item}>
      <p className={styles.itemHead}>
        <span className={styles.itemAuthor}>{t('crm.orders.number', { number: order.number })}</span>
        <span className={STATUS_STYLE[order.status]}>{t(`crm.orders.status.${order.status}`)}</span>
      </p>
      <p className={styles.itemHead}>
        <span className={styles.muted}>{date(order.createdAt)}</span>
        <strong>{formatMoney(order.total, order.currency, language)}</strong>
      </p>
      <ul className={styles.orderLines}>
        {order.items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines have no id and never move
          <li key={index}>
            {item.quantity} × {item.name}
            {item.sku && <span className={styles.muted}> ({item.sku})</span>} ·{' '}
            {formatMoney(item.unitPrice, order.currency, language)}
          </li>
        ))}
      </ul>
      {order.notes && <p className={styles.noteBody}>{order.notes}</p>}
      {order.status === 'pending' && (
        <div className={styles.row}>
          <Button size="sm" disabled={setStatus.isPending} onClick={() => setStatus.mutate('paid')}>
            {t('crm.orders.markPaid')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate('cancelled')}
          >
            {t('crm.orders.markCancelled')}
          </Button>
        </div>
      )}
      {errorText && <Alert tone="danger">{errorText.message}</Alert>}
    </li>
  );
}
