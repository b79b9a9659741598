import type { CustomField } from '@charla/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../shared/ui/index.ts';

/** The value a custom field filter looks for: its options, yes/no, or typed text. */
export function FieldValueInput({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const label = t('customers.filters.fieldValue', { name: field.name });
  const choices =
    field.type === 'list'
      ? field.options.map((option) => ({ value: option, text: option }))
      : field.type === 'boolean'
        ? [
            { value: 'true', text: t('customers.filters.yes') },
            { value: 'false', text: t('customers.filters.no') },
          ]
        : null;
  if (choices) {
    return (
      <SelectField label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('customers.filters.anyValue')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.text}
          </option>
        ))}
      </SelectField>
    );
  }
  return (
    <TextField
      label={label}
      name="fieldValue"
      type={field.type === 'date' ? 'date' : 'text'}
      inputMode={field.type === 'integer' || field.type === 'decimal' ? 'decimal' : undefined}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
