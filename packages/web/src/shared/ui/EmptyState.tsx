import type { ReactNode } from 'react';
import { classNames } from './classNames.ts';
import styles from './EmptyState.module.css';

type EmptyStateProps = {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
  className?: string | undefined;
};

/** What an area shows before it has content: what will appear here, and when. */
export function EmptyState({ icon, title, children, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={classNames(styles.empty, className)}>
      <div className={styles.icon}>{icon}</div>
      <Heading className={styles.title}>{title}</Heading>
      <p className={styles.body}>{children}</p>
    </div>
  );
}
