import type { Channel, ConversationStatus, CustomField, Member } from '@charla/contracts';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../shared/ui/index.ts';
import { FieldValueInput } from '../customers/index.ts';
import { useCustomFields, useTags } from '../settings/crm-settings.api.ts';
import { STATUS_LABELS } from './conversation-row-text.ts';
import styles from './FilterBar.module.css';
import { type InboxFilters, READ_STATES, type ReadState, SORTS, TAB_STATUSES } from './inbox-filters.ts';

const READ_LABELS = { unread: 'inbox.filters.unread', read: 'inbox.filters.read' } as const satisfies Record<
  ReadState,
  string
>;
const SORT_LABELS = { recent: 'inbox.filters.sortRecent', oldest: 'inbox.filters.sortOldest' } as const;

type FilterBarProps = {
  filters: InboxFilters;
  onChange: (changes: Partial<InboxFilters>) => void;
  members: readonly Member[];
  channels: readonly Channel[];
};

type Chip = { key: string; label: string; remove: Partial<InboxFilters> };

/**
 * Filters beyond the view and tab: status, read state, agent, tags, a custom field and sort, picked in a small
 * panel and shown as removable chips (channel chips too, set from the rail).
 */
export function FilterBar({ filters, onChange, members, channels }: FilterBarProps) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const tags = useTags().data ?? [];
  const fields = useCustomFields().data ?? [];
  /** The field picked in the panel before a value is typed (the address holds only complete filters). */
  const [pickedFieldId, setPickedFieldId] = useState('');
  const fieldId = filters.field?.id ?? pickedFieldId;
  const field = fields.find((item) => item.id === fieldId);
  const statuses: readonly ConversationStatus[] = TAB_STATUSES[filters.tab];
  const nameOf = <T extends { id: string; name: string }>(list: readonly T[], id: string) =>
    list.find((item) => item.id === id)?.name ?? t('inbox.filters.unknown');

  const chips: Chip[] = [];
  if (filters.channel && filters.channel !== 'comments') {
    chips.push({
      key: 'channel',
      label: `${t('inbox.filters.channel')}: ${nameOf(channels, filters.channel)}`,
      remove: { channel: null },
    });
  }
  if (filters.status) {
    chips.push({
      key: 'status',
      label: `${t('inbox.filters.status')}: ${t(STATUS_LABELS[filters.status])}`,
      remove: { status: null },
    });
  }
  if (filters.read) chips.push({ key: 'read', label: t(READ_LABELS[filters.read]), remove: { read: null } });
  if (filters.agent) {
    chips.push({
      key: 'agent',
      label: `${t('inbox.filters.agent')}: ${nameOf(members, filters.agent)}`,
      remove: { agent: null },
    });
  }
  for (const tagId of filters.tags) {
    chips.push({
      key: `tag-${tagId}`,
      label: `${t('inbox.filters.tag')}: ${nameOf(tags, tagId)}`,
      remove: { tags: filters.tags.filter((id) => id !== tagId) },
    });
  }
  if (filters.field) {
    chips.push({
      key: 'field',
      label: `${nameOf(fields, filters.field.id)}: ${fieldValueText(field, filters.field.value.trim(), t)}`,
      remove: { field: null },
    });
  }
  if (filters.sort !== 'recent') {
    chips.push({ key: 'sort', label: t(SORT_LABELS[filters.sort]), remove: { sort: 'recent' } });
  }
  const unpickedTags = tags.filter((tag) => !filters.tags.includes(tag.id));

  return (
    <div className={styles.bar}>
      <div className={styles.chips}>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {t('inbox.filters.label')}
          {chips.length > 0 && <span className={styles.count}>{chips.length}</span>}
        </button>
        <ul className={styles.chipList} aria-label={t('inbox.filters.active')}>
          {chips.map((chip) => (
            <li key={chip.key} className={styles.chip}>
              <span>{chip.label}</span>
              <button
                type="button"
                className={styles.remove}
                aria-label={t('inbox.filters.remove', { filter: chip.label })}
                title={t('inbox.filters.remove', { filter: chip.label })}
                onClick={() => onChange(chip.remove)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
      {open && (
        <div id={panelId} className={styles.panel}>
          <SelectField
            label={t('inbox.filters.status')}
            value={filters.status ?? ''}
            onChange={(event) =>
              onChange({ status: statuses.find((status) => status === event.target.value) ?? null })
            }
          >
            <option value="">{t('inbox.filters.any')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_LABELS[status])}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('inbox.filters.readState')}
            value={filters.read ?? ''}
            onChange={(event) =>
              onChange({ read: READ_STATES.find((read) => read === event.target.value) ?? null })
            }
          >
            <option value="">{t('inbox.filters.any')}</option>
            {READ_STATES.map((read) => (
              <option key={read} value={read}>
                {t(READ_LABELS[read])}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('inbox.filters.agent')}
            value={filters.agent ?? ''}
            onChange={(event) => onChange({ agent: event.target.value || null })}
          >
            <option value="">{t('inbox.filters.anyAgent')}</option>
            {members
              .filter((member) => member.active)
              .map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
          </SelectField>
          <SelectField
            label={t('inbox.filters.tag')}
            value=""
            disabled={unpickedTags.length === 0}
            onChange={(event) =>
              event.target.value && onChange({ tags: [...filters.tags, event.target.value] })
            }
          >
            <option value="">
              {unpickedTags.length === 0 ? t('inbox.filters.noTags') : t('inbox.filters.addTag')}
            </option>
            {unpickedTags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </SelectField>
          {fields.length > 0 && (
            <SelectField
              label={t('inbox.filters.field')}
              value={fieldId}
              onChange={(event) => {
                setPickedFieldId(event.target.value);
                onChange({ field: null });
              }}
            >
              <option value="">{t('inbox.filters.anyField')}</option>
              {fields.map((item) => (
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
              value={filters.field?.value ?? ''}
              onChange={(value) => onChange({ field: value.trim() ? { id: field.id, value } : null })}
            />
          )}
          <SelectField
            label={t('inbox.filters.sort')}
            value={filters.sort}
            onChange={(event) =>
              onChange({ sort: SORTS.find((sort) => sort === event.target.value) ?? 'recent' })
            }
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(SORT_LABELS[sort])}
              </option>
            ))}
          </SelectField>
        </div>
      )}
    </div>
  );
}

/** A custom field's value as a chip shows it: yes/no for a boolean field, else as typed. */
function fieldValueText(field: CustomField | undefined, value: string, t: TFunction): string {
  if (field?.type !== 'boolean') return value;
  return value === 'true' ? t('customers.filters.yes') : t('customers.filters.no');
}
