import { type SelectHTMLAttributes, useId } from 'react';
import { classNames } from './classNames.ts';
import styles from './Field.module.css';

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: string | undefined;
};

/** A labelled native select (keyboard and screen-reader friendly for free). */
export function SelectField({ label, error, id, className, children, ...select }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={classNames(styles.field, className)}>
      <label htmlFor={selectId} className={styles.label}>
        {label}
      </label>
      <select
        id={selectId}
        className={styles.control}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...select}
      >
        {children}
      </select>
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
