import type { ButtonHTMLAttributes } from 'react';
import styles from './Button.module.css';
import { classNames } from './classNames.ts';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'md' | 'sm';
};

/** The one button style; defaults to `type="button"` so it never submits a form by accident. */
export function Button({ variant = 'secondary', size = 'md', className, type, ...props }: ButtonProps) {
  return (
    <button
      type={type === 'submit' ? 'submit' : 'button'}
      className={classNames(styles.button, styles[variant], size === 'sm' && styles.small, className)}
      {...props}
    />
  );
}
