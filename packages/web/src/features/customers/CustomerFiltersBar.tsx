import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../shared/ui/index.ts';
import { useCustomFields, useTags } from '../settings/crm-settings.api.ts';
import { useMembers } from '../settings/members.queries.ts';
import styles from './Customers.module.css';
import type { CustomerFilterValues } from './customer-filters.ts';
import { FieldValueInput } from './FieldValueInput.tsx';

type CustomerFiltersBarProps = {
  values: CustomerFilterValues;
  /** Agents see only their own and unassigned customers: no owner filter for them. */
  showOwner: boolean;
  onChange: (values: CustomerFilterValues) => void;
};

/** Search, tag, owner and custom field of the Customers page, and chips of the filters that are on. */
export function CustomerFiltersBar({ values, showOwner, onChange }: CustomerFiltersBarProps) {
  const { t } = useTranslation();
  const tags = useTags();
  const fields = useCustomFields();
  const members = useMembers();
  const field = fields.data?.find((item) => item.id === values.fieldId);
  const ownerName =
    values.owner === 'me'
      ? t('customers.filters.me')
      : values.owner === 'unassigned'
        ? t('customers.filters.unassigned')
        : members.data?.find((member) => member.id === values.owner)?.name;
  const fieldValue = values.fieldValue.trim();
  const chips: { key: string; text: string; clear: Partial<CustomerFilterValues> }[] = [];
  if (values.tag) {
    const name = tags.data?.find((tag) => tag.id === values.tag)?.name ?? '…';
    chips.push({ key: 'tag', text: t('customers.filters.tagChip', { name }), clear: { tag: '' } });
  }
  if (values.owner) {
    chips.push({
      key: 'owner',
      text: t('customers.filters.ownerChip', { name: ownerName ?? '…' }),
      clear: { owner: '' },
    });
  }
  if (field && fieldValue) {
    const shown =
      field.type === 'boolean'
        ? t(fieldValue === 'true' ? 'customers.filters.yes' : 'customers.filters.no')
        : fieldValue;
    chips.push({
      key: 'field',
      text: `${field.name}: ${shown}`,
      clear: { fieldId: '', fieldValue: '' },
    });
  }

  return (
    <div className={styles.filterArea}>
      <fieldset className={styles.filters}>
        <legend className="visually-hidden">{t('customers.filters.legend')}</legend>
        <TextField
          label={t('customers.filters.search')}
          name="q"
          type="search"
          autoComplete="off"
          placeholder={t('customers.filters.searchPlaceholder')}
          className={styles.search}
          value={values.q}
          onChange={(event) => onChange({ ...values, q: event.target.value })}
        />
        <SelectField
          label={t('customers.filters.tag')}
          value={values.tag}
          onChange={(event) => onChange({ ...values, tag: event.target.value })}
        >
          <option value="">{t('customers.filters.anyTag')}</option>
          {(tags.data ?? []).map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </SelectField>
        {showOwner && (
          <SelectField
            label={t('customers.filters.owner')}
            value={values.owner}
            onChange={(event) => onChange({ ...values, owner: event.target.value })}
          >
            <option value="">{t('customers.filters.anyOwner')}</option>
            <option value="me">{t('customers.filters.me')}</option>
            <option value="unassigned">{t('customers.filters.unassigned')}</option>
            {(members.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </SelectField>
        )}
        {(fields.data?.length ?? 0) > 0 && (
          <SelectField
            label={t('customers.filters.field')}
            value={values.fieldId}
            onChange={(event) => onChange({ ...values, fieldId: event.target.value, fieldValue: '' })}
          >
            <option value="">{t('customers.filters.anyField')}</option>
            {(fields.data ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </SelectField>
        )}
        {field && (
          <FieldValueInput
            key={field.id}
            field={field}
            value={values.fieldValue}
            onChange={(fieldValue) => onChange({ ...values, fieldValue })}
          />
        )}
      </fieldset>
      {chips.length > 0 && (
        <ul className={styles.chips} aria-label={t('customers.filters.active')}>
          {chips.map((chip) => (
            <li key={chip.key} className={styles.chip}>
              <span>{chip.text}</span>
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={t('customers.filters.remove', { filter: chip.text })}
                onClick={() => onChange({ ...values, ...chip.clear })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
