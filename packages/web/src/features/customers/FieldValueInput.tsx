import type { CustomField } from '@charla/contracts';
import { parseCustomFieldValue } from '@charla/contracts/rules';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../shared/ui/index.ts';

/**
 * The value a custom field filter looks for: its options, yes/no, or typed text. Typed text is
 * passed on only once it is a value of the field's type (or empty): `12.` on the way to `12.5`
 * shows what the field takes instead of asking the server for a filter it refuses.
 */
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
  return <TypedValueInput field={field} label={label} value={value} onChange={onChange} />;
}

function TypedValueInput({
  field,
  label,
  value,
  onChange,
}: {
  field: CustomField;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  // Values passed on whose echo (through the address) has not come back yet, oldest first.
  const echoes = useRef<string[]>([]);
  useEffect(() => {
    const echo = echoes.current.indexOf(value);
    if (echo >= 0) {
      echoes.current = echoes.current.slice(echo + 1);
      return;
    }
    // Changed from outside (a chip removed): that replaces what was typed.
    echoes.current = [];
    setDraft(value);
  }, [value]);
  // A decimal comma ("12,5" in Spanish) is read as the point the API expects, as in the customer panel.
  const asValue = (text: string) => (field.type === 'decimal' ? text.replace(',', '.') : text);
  const valid = (text: string) =>
    !text.trim() || parseCustomFieldValue(field.type, field.options, asValue(text).trim()).ok;
  const type = (text: string) => {
    setDraft(text);
    if (!valid(text)) return;
    echoes.current.push(asValue(text));
    onChange(asValue(text));
  };
  return (
    <TextField
      label={label}
      name="fieldValue"
      type={field.type === 'date' ? 'date' : 'text'}
      inputMode={field.type === 'integer' || field.type === 'decimal' ? 'decimal' : undefined}
      autoComplete="off"
      value={draft}
      error={valid(draft) ? undefined : t(`crm.fields.expected.${field.type}`)}
      onChange={(event) => type(event.target.value)}
    />
  );
}
