import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldMessages, focusFirstInvalid } from './validation.ts';

type FormValues = Record<string, string | boolean>;

type UseFormOptions<Values extends FormValues> = {
  initial: Values;
  /** Client-side checks, re-run on every render after the first submit attempt. */
  validate: (values: Values, t: TFunction) => FieldMessages;
  /** Called when a valid form is submitted. */
  onSubmit: (values: Values) => void;
  /** Called on every edit, e.g. to clear the last server error. */
  onEdit?: () => void;
};

/**
 * Controlled form state with validation messages in the current language. Errors appear only
 * after the first submit, then follow the input as the person fixes it.
 */
export function useForm<Values extends FormValues>({
  initial,
  validate,
  onSubmit,
  onEdit,
}: UseFormOptions<Values>) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? validate(values, t) : {};

  function setValue<Key extends keyof Values>(key: Key, value: Values[Key]): void {
    setValues((previous) => ({ ...previous, [key]: value }));
    onEdit?.();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(values, t);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(event.currentTarget, found);
      return;
    }
    onSubmit(values);
  }

  function reset(): void {
    setValues(initial);
    setSubmitted(false);
  }

  return { values, errors, setValue, handleSubmit, reset };
}
