import type { ReactNode } from 'react';
import styles from './Alert.module.css';
import { classNames } from './classNames.ts';

type AlertProps = {
  tone: 'danger' | 'success' | 'warning' | 'info';
  children: ReactNode;
  className?: string | undefined;
};

/** A message box; errors are announced at once (`role="alert"`), the rest politely. */
export function Alert({ tone, children, className }: AlertProps) {
  return (
    <div role={tone === 'danger' ? 'alert' : 'status'} className={classNames(styles.alert, styles[tone], className)}>
      {children}
    </div>
  );
}
