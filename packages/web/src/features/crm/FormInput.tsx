import { useId } from 'react';
import styles from './Crm.module.css';

type FormInputProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  inputMode?: 'text' | 'numeric' | 'decimal';
  maxLength?: number;
};

/** A compact labelled input for the panel's forms, its error announced with it. */
export function FormInput({ label, value, onChange, error, inputMode, maxLength }: FormInputProps) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  return (
    <div className={styles.inlineField}>
      <label htmlFor={inputId} className={styles.inlineLabel}>
        {label}
      </label>
      <input
        id={inputId}
        className={styles.inlineInput}
        value={value}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={errorId} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
