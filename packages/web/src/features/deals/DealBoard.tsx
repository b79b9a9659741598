import type { Deal, DealListResponse, Funnel } from '@charla/contracts';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, classNames } from '../../shared/ui/index.ts';
import { formatMoney } from '../crm/money.ts';
import { DealCard } from './DealCard.tsx';
import styles from './Deals.module.css';
import { boardColumns } from './deal-board.ts';
import type { DealFilters } from './deals.api.ts';
import { useMoveDeal } from './deals.queries.ts';

const DEAL_MIME = 'application/x-charla-deal';

type DealBoardProps = {
  funnel: Funnel;
  deals: DealListResponse;
  filters: DealFilters | null;
  onEdit: (deal: Deal) => void;
  /** A card is being dragged (true) or was dropped or let go (false): live reloads wait meanwhile. */
  onDragChange: (dragging: boolean) => void;
};

/** The funnel's stages side by side; a card is dragged to another column or moved from its menu. */
export function DealBoard({ funnel, deals, filters, onEdit, onDragChange }: DealBoardProps) {
  const { t, i18n } = useTranslation();
  const moveDeal = useMoveDeal(filters);
  const moveError = useErrorText(moveDeal.error);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const columns = boardColumns(funnel, deals);

  function move(deal: Deal, stageId: string) {
    if (deal.stageId !== stageId) moveDeal.mutate({ dealId: deal.id, stageId });
  }

  function handleDrop(event: DragEvent, stageId: string) {
    event.preventDefault();
    setDropTarget(null);
    onDragChange(false);
    const deal = deals.items.find((item) => item.id === event.dataTransfer.getData(DEAL_MIME));
    if (deal) move(deal, stageId);
  }

  return (
    <>
      {moveError && <Alert tone="danger">{moveError.message}</Alert>}
      <div className={styles.board}>
        {columns.map((column) => {
          const headingId = `stage-${column.stage.id}`;
          const totals = column.totals.map((sum) => formatMoney(sum.amount, sum.currency, i18n.language));
          return (
            <section
              key={column.stage.id}
              aria-labelledby={headingId}
              className={classNames(styles.column, dropTarget === column.stage.id && styles.dropTarget)}
              onDragOver={(event) => {
                if (!event.dataTransfer.types.includes(DEAL_MIME)) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setDropTarget(column.stage.id);
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
              }}
              onDrop={(event) => handleDrop(event, column.stage.id)}
            >
              <header className={styles.columnHeader}>
                <h2 id={headingId} className={styles.columnTitle}>
                  {column.stage.name}
                </h2>
                <p className={styles.columnFigures} data-testid="stage-figures">
                  {[t('deals.stageCount', { count: column.count }), ...totals].join(' · ')}
                </p>
              </header>
              <ul className={styles.cards}>
                {column.deals.map((deal) => (
                  <li
                    key={deal.id}
                    draggable
                    className={styles.cardItem}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(DEAL_MIME, deal.id);
                      event.dataTransfer.effectAllowed = 'move';
                      onDragChange(true);
                    }}
                    onDragEnd={() => onDragChange(false)}
                  >
                    <DealCard
                      deal={deal}
                      stages={columns.map((item) => item.stage)}
                      onMove={(stageId) => move(deal, stageId)}
                      onEdit={() => onEdit(deal)}
                    />
                  </li>
                ))}
              </ul>
              {column.deals.length === 0 && <p className={styles.emptyColumn}>{t('deals.emptyStage')}</p>}
            </section>
          );
        })}
      </div>
    </>
  );
}
