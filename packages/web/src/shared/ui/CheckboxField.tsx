import { type InputHTMLAttributes, useId } from 'react';
import { classNames } from './classNames.ts';
import styles from './Field.module.css';

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: string;
  hint?: string | undefined;
};

/** A checkbox with its label beside it and an optional hint below the label. */
export function CheckboxField({ label, hint, id, className, ...input }: CheckboxFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={classNames(styles.checkboxRow, className)}>
      <input id={inputId} type="checkbox" className={styles.checkbox} aria-describedby={hintId} {...input} />
      <span className={styles.checkboxText}>
        <label htmlFor={inputId} className={styles.label}>
          {label}
        </label>
        {hint && (
          <span id={hintId} className={styles.hint}>
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}
