import type { ReactNode } from 'react';
import { ChevronDownIcon } from '../../shared/ui/index.ts';
import styles from './Customer.module.css';

/** A part of the customer panel that can be folded away; open to begin with. */
export function CustomerSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className={styles.section} open>
      <summary className={styles.sectionSummary}>
        <h3 className={styles.sectionTitle}>{title}</h3>
        <ChevronDownIcon size={16} />
      </summary>
      <div className={styles.sectionBody}>{children}</div>
    </details>
  );
}
