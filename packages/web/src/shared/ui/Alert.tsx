import type { ReactNode } from 'react';
import styles from './Alert.module.css';
import { classNames } from './classNames.ts';

type AlertProps = {
  tone: 'danger' | 'success' | 'warning' | 'info';
  children: ReactNode;
  className?: string | undefined;
  /** False when a surrounding live region already announces the text. */
  announce?: boolean;
};

/** A message box; errors are announced at once (`role="alert"`), the rest politely. */
export function Alert({ tone, children, className, announce = true }: AlertProps) {
  return (
    <div
      role={announce ? (tone === 'danger' ? 'alert' : 'status') : undefined}
      className={classNames(styles.alert, styles[tone], className)}
    >
      {children}
    </div>
  );
}
