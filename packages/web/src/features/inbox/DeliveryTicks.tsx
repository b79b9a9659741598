import type { DeliveryState } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import styles from './DeliveryTicks.module.css';

const LABELS = {
  queued: 'inbox.delivery.queued',
  sent: 'inbox.delivery.sent',
  delivered: 'inbox.delivery.delivered',
  read: 'inbox.delivery.read',
  failed: 'inbox.delivery.failed',
} as const satisfies Record<DeliveryState, string>;

function Glyph({ state }: { state: DeliveryState }) {
  switch (state) {
    case 'queued':
      return (
        <>
          <circle cx="8" cy="8" r="5.5" />
          <path d="M8 5v3l2 1.5" />
        </>
      );
    case 'sent':
      return <path d="m3.5 8.5 2.5 2.5 5.5-6" />;
    case 'delivered':
    case 'read':
      return (
        <>
          <path d="m1.5 8.5 2.5 2.5 5.5-6" />
          <path d="m7.5 10.5.5.5 5.5-6" />
        </>
      );
    case 'failed':
      return (
        <>
          <path d="M8 3.5v6" />
          <path d="M8 12.5v.01" />
        </>
      );
  }
}

/** ✓ sent, ✓✓ delivered, blue ✓✓ read, red ! failed, a clock while queued; named for screen readers. */
export function DeliveryTicks({ state }: { state: DeliveryState }) {
  const { t } = useTranslation();
  return (
    <svg
      className={styles[state]}
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      role="img"
      aria-label={t(LABELS[state])}
    >
      <title>{t(LABELS[state])}</title>
      <Glyph state={state} />
    </svg>
  );
}
