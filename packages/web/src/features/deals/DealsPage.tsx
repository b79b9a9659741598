import type { Deal, Funnel } from '@charla/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../../shared/api/index.ts';
import {
  Alert,
  Button,
  ChannelsIcon,
  EmptyState,
  LoadingScreen,
  useDocumentTitle,
} from '../../shared/ui/index.ts';
import { useSession } from '../auth/index.ts';
import { DealBoard } from './DealBoard.tsx';
import { DealDialog } from './DealDialog.tsx';
import { DealFiltersBar } from './DealFiltersBar.tsx';
import styles from './Deals.module.css';
import { type FilterValues, toDealFilters } from './deal-filters.ts';
import { useDeals, useFunnels, useLiveDeals } from './deals.queries.ts';

/** The sales board: one funnel at a time, its stages as columns, deals dragged between them. */
export function DealsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deals.title'));
  const { member } = useSession();
  const funnels = useFunnels();
  const loadError = useErrorText(funnels.error);
  const [funnelId, setFunnelId] = useState<string | null>(null);
  const funnel = funnels.data?.find((item) => item.id === funnelId) ?? funnels.data?.[0] ?? null;
  const [dragging, setDragging] = useState(false);
  useLiveDeals(dragging);

  return (
    <main id="main" tabIndex={-1} className={styles.page}>
      <header className={styles.header}>
        <h1 className={styles.title}>{t('deals.title')}</h1>
        {funnels.data && funnels.data.length > 1 && funnel && (
          <label className={styles.funnelPicker}>
            <span className="visually-hidden">{t('deals.funnel')}</span>
            <select value={funnel.id} onChange={(event) => setFunnelId(event.target.value)}>
              {funnels.data.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {funnels.data?.length === 1 && funnel && <p className={styles.funnelName}>{funnel.name}</p>}
      </header>
      {funnels.isPending && <LoadingScreen />}
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {funnels.data?.length === 0 && (
        <EmptyState icon={<ChannelsIcon size={26} />} title={t('deals.noFunnelsTitle')}>
          {member.role === 'admin' ? (
            <Link to="/settings/funnels">{t('deals.noFunnelsAdmin')}</Link>
          ) : (
            t('deals.noFunnelsAsk')
          )}
        </EmptyState>
      )}
      {funnel && (
        <FunnelBoard
          key={funnel.id}
          funnel={funnel}
          seesAll={member.role !== 'agent'}
          onDragChange={setDragging}
        />
      )}
    </main>
  );
}

type FunnelBoardProps = {
  funnel: Funnel;
  seesAll: boolean;
  /** A card is being dragged (true) or was dropped or let go (false). */
  onDragChange: (dragging: boolean) => void;
};

function FunnelBoard({ funnel, seesAll, onDragChange }: FunnelBoardProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FilterValues>({ owner: '', minAmount: '', maxAmount: '' });
  const filters = toDealFilters(funnel.id, values);
  const deals = useDeals(filters.ok ? filters.filters : null);
  const loadError = useErrorText(deals.error);
  const [editing, setEditing] = useState<Deal | 'new' | null>(null);

  return (
    <>
      <div className={styles.toolbar}>
        <DealFiltersBar
          values={values}
          errors={filters.ok ? {} : filters.errors}
          showOwner={seesAll}
          onChange={setValues}
        />
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('deals.newDeal')}
        </Button>
      </div>
      {loadError && <Alert tone="danger">{loadError.message}</Alert>}
      {deals.data ? (
        <DealBoard
          funnel={funnel}
          deals={deals.data}
          filters={filters.ok ? filters.filters : null}
          onEdit={setEditing}
          onDragChange={onDragChange}
        />
      ) : (
        deals.isPending && filters.ok && <LoadingScreen />
      )}
      <DealDialog
        funnel={funnel}
        deal={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
