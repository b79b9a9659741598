import type { Message } from '@charla/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockIcon } from '../../shared/ui/icons.tsx';
import { classNames } from '../../shared/ui/index.ts';
import styles from './DeliveryTick.module.css';
import { type Tick, tickOf } from './delivery-ticks.ts';

const GLYPHS: Record<Exclude<Tick, 'failed'>, ReactNode> = {
  queued: <ClockIcon />,
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
};

/** Queued clock, sent ✓, delivered ✓✓, read blue ✓✓; failed is spelled out by the row. */
export function DeliveryTick({ message }: { message: Message }) {
  const { t } = useTranslation();
  const tick = tickOf(message);
  if (!tick || tick === 'failed') return null;
  const label = t(`chat.tick.${tick}`);
  return (
    <span className={classNames(styles.tick, styles[tick])} role="img" aria-label={label} title={label}>
      {GLYPHS[tick]}
    </span>
  );
}
