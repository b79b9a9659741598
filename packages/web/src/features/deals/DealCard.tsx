import type { Deal, FunnelStage } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/index.ts';
import { Menu } from '../chat/Menu.tsx';
import { formatMoney } from '../crm/money.ts';
import styles from './Deals.module.css';

type DealCardProps = {
  deal: Deal;
  stages: readonly FunnelStage[];
  onMove: (stageId: string) => void;
  onEdit: () => void;
};

/** A deal on the board: what, for whom, how much and whose; "Move to…" is the keyboard's drag. */
export function DealCard({ deal, stages, onMove, onEdit }: DealCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <article className={styles.card} aria-label={deal.title}>
      <h3 className={styles.cardTitle}>{deal.title}</h3>
      <p className={styles.cardCustomer}>{deal.customer.displayName}</p>
      <p className={styles.cardAmount}>{formatMoney(deal.amount, deal.currency, i18n.language)}</p>
      <p className={styles.cardOwner}>{deal.owner ? deal.owner.name : t('deals.noOwner')}</p>
      <div className={styles.cardActions}>
        <Menu
          label={t('deals.moveLabel', { title: deal.title })}
          heading={t('deals.moveTo')}
          trigger={t('deals.moveTo')}
          items={stages.map((stage) => ({
            key: stage.id,
            label: stage.name,
            checked: stage.id === deal.stageId,
            onSelect: () => onMove(stage.id),
          }))}
        />
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('deals.editLabel', { title: deal.title })}
          onClick={onEdit}
        >
          {t('deals.edit')}
        </Button>
      </div>
    </article>
  );
}
