import type { Deal, Funnel } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { useFormatters } from '../../shared/i18n/format.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import crmStyles from '../crm/Crm.module.css';
import { formatMoney } from '../crm/money.ts';
import type { DealCustomer } from './DealCustomerPicker.tsx';
import { DealDialog } from './DealDialog.tsx';
import styles from './Deals.module.css';
import { useCustomerDeals, useFunnels, useLiveDeals } from './deals.queries.ts';

/** What the dialog shows: a new deal in a funnel, or an existing deal in its own funnel. */
type Opened = { funnel: Funnel; deal: Deal | null };

/**
 * The customer's deals in every funnel, kept live, with a new one started from here and each
 * opened to edit or delete.
 */
export function CustomerDealsSection({ customer }: { customer: DealCustomer }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const funnels = useFunnels();
  const deals = useCustomerDeals(customer.id);
  useLiveDeals();
  const [newFunnelId, setNewFunnelId] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const loadError = useErrorText(funnels.error ?? deals.error);
  if (loadError) return <Alert tone="danger">{loadError.message}</Alert>;
  if (!funnels.data || !deals.data) return <p className={crmStyles.muted}>{t('crm.loading')}</p>;

  const funnelById = new Map(funnels.data.map((funnel) => [funnel.id, funnel]));
  const newFunnel = (newFunnelId && funnelById.get(newFunnelId)) || funnels.data[0];
  const stageName = (deal: Deal) =>
    funnelById.get(deal.funnelId)?.stages.find((stage) => stage.id === deal.stageId)?.name ?? '';

  return (
    <div className={crmStyles.stack}>
      {newFunnel ? (
        <div className={crmStyles.row}>
          <Button size="sm" onClick={() => setOpened({ funnel: newFunnel, deal: null })}>
            {t('crm.deals.new')}
          </Button>
          {funnels.data.length > 1 && (
            <label className={crmStyles.muted}>
              <span className="visually-hidden">{t('crm.deals.funnel')}</span>
              <select value={newFunnel.id} onChange={(event) => setNewFunnelId(event.target.value)}>
                {funnels.data.map((funnel) => (
                  <option key={funnel.id} value={funnel.id}>
                    {funnel.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      ) : (
        <p className={crmStyles.muted}>{t('crm.deals.noFunnels')}</p>
      )}
      {deals.data.items.length === 0 ? (
        <p className={crmStyles.muted}>{t('crm.deals.none')}</p>
      ) : (
        <ul className={crmStyles.list}>
          {deals.data.items.map((deal) => {
            const funnel = funnelById.get(deal.funnelId);
            return (
              <li key={deal.id}>
                <button
                  type="button"
                  className={`${crmStyles.item} ${styles.panelDeal}`}
                  disabled={!funnel}
                  onClick={() => funnel && setOpened({ funnel, deal })}
                >
                  <span className={crmStyles.itemHead}>
                    <span className={crmStyles.itemAuthor}>{deal.title}</span>
                    <strong>{formatMoney(deal.amount, deal.currency, language)}</strong>
                  </span>
                  <span className={crmStyles.itemHead}>
                    <span className={crmStyles.badgeInfo}>{stageName(deal)}</span>
                    <span className={crmStyles.muted}>{deal.owner?.name ?? t('deals.noOwner')}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {opened && (
        <DealDialog
          funnel={opened.funnel}
          deal={opened.deal}
          customer={customer}
          open
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}
