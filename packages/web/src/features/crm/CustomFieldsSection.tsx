import type { CustomerFieldValue, CustomFieldType } from '@charla/contracts';
import { parseCustomFieldValue } from '@charla/contracts/rules';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { useFormatters } from '../../shared/i18n/format.ts';
import { Alert } from '../../shared/ui/index.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { crmKeys, useCrmWrite, useFieldValues } from './crm.queries.ts';
import { InlineEdit } from './InlineEdit.tsx';

const INPUT_MODES: Partial<Record<CustomFieldType, 'numeric' | 'decimal'>> = {
  integer: 'numeric',
  decimal: 'decimal',
};

/**
 * A decimal as the UI language writes it ("12,5" in Spanish), without grouping so that what is
 * shown can be edited and sent back as it stands.
 */
function decimalText(value: number, language: string): string {
  return new Intl.NumberFormat(language, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}

/** What a person typed in a decimal field, with a decimal comma read as the point the API expects. */
function typedDecimal(text: string): string {
  return text.replace(',', '.');
}

/** The workspace's custom fields with this customer's values, each with an editor for its type. */
export function CustomFieldsSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const values = useFieldValues(customerId);
  const loadError = useErrorText(values.error);
  if (loadError) return <Alert tone="danger">{loadError.message}</Alert>;
  if (!values.data) return <p className={styles.muted}>{t('crm.loading')}</p>;
  if (values.data.length === 0) return <p className={styles.muted}>{t('crm.fields.none')}</p>;
  return (
    <div className={styles.inlineFields}>
      {values.data.map((item) => (
        <FieldEditor key={item.field.id} customerId={customerId} item={item} />
      ))}
    </div>
  );
}

function FieldEditor({ customerId, item }: { customerId: string; item: CustomerFieldValue }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const { field } = item;
  const save = useCrmWrite(
    (value: string | number | boolean | null) => crmApi.setFieldValue(customerId, field.id, value),
    [crmKeys.fields(customerId)],
  );
  const shown =
    item.value === null
      ? ''
      : field.type === 'decimal' && typeof item.value === 'number'
        ? decimalText(item.value, language)
        : String(item.value);

  if (field.type === 'text' || field.type === 'integer' || field.type === 'decimal') {
    const typed = (value: string) => (field.type === 'decimal' ? typedDecimal(value) : value);
    return (
      <InlineEdit
        label={field.name}
        name="value"
        value={shown}
        inputMode={INPUT_MODES[field.type]}
        placeholder={<span className={styles.muted}>{t('customer.notSet')}</span>}
        check={(value) =>
          value === '' || parseCustomFieldValue(field.type, field.options, typed(value)).ok
            ? null
            : t(`crm.fields.expected.${field.type}`)
        }
        onSave={(value) => save.mutateAsync(value === '' ? null : typed(value))}
      />
    );
  }
  return (
    <ChoiceEditor
      item={item}
      shown={shown}
      saving={save.isPending}
      error={save.error}
      onSave={(value) => save.mutate(value)}
    />
  );
}

type ChoiceEditorProps = {
  item: CustomerFieldValue;
  shown: string;
  saving: boolean;
  error: unknown;
  onSave: (value: string | boolean | null) => void;
};

/** Yes/no, list and date fields: saved as soon as a choice is made. */
function ChoiceEditor({ item, shown, saving, error, onSave }: ChoiceEditorProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const errorText = useErrorText(error);
  const { field } = item;
  const message = errorText ? (errorText.fields.value ?? errorText.message) : null;
  const describedBy = message ? `${inputId}-error` : undefined;
  return (
    <div className={styles.inlineField}>
      <label htmlFor={inputId} className={styles.inlineLabel}>
        {field.name}
      </label>
      {field.type === 'date' ? (
        <input
          id={inputId}
          type="date"
          className={styles.inlineInput}
          defaultValue={shown}
          key={shown}
          disabled={saving}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          onBlur={(event) => {
            if (event.target.value !== shown) onSave(event.target.value || null);
          }}
        />
      ) : (
        <select
          id={inputId}
          className={styles.inlineInput}
          value={shown}
          disabled={saving}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            const value = event.target.value;
            if (field.type === 'boolean') onSave(value === '' ? null : value === 'true');
            else onSave(value || null);
          }}
        >
          <option value="">{t('customer.notSet')}</option>
          {field.type === 'boolean' ? (
            <>
              <option value="true">{t('crm.fields.yes')}</option>
              <option value="false">{t('crm.fields.no')}</option>
            </>
          ) : (
            field.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))
          )}
        </select>
      )}
      {message && (
        <p id={describedBy} className={styles.error} role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
