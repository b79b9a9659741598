import type { Tag } from '@charla/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/api/index.ts';
import { Alert, Button } from '../../shared/ui/index.ts';
import { customerQueryKey } from '../customer/customer.queries.ts';
import styles from './Crm.module.css';
import { crmApi } from './crm.api.ts';
import { crmKeys, useAllTags, useCrmWrite } from './crm.queries.ts';

/** The colour a new tag starts with: the server's default (slate; zod stays out of the bundle). */
const DEFAULT_TAG_COLOR = '#64748b';

type TagEditorProps = { customerId: string; tags: readonly Tag[] };

/** The customer's tags as coloured chips: remove one, or add an existing or new tag. */
export function TagEditor({ customerId, tags }: TagEditorProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const refresh = [customerQueryKey(customerId), crmKeys.tags];
  const remove = useCrmWrite((tagId: string) => crmApi.removeTag(customerId, tagId), refresh);
  const errorText = useErrorText(remove.error);

  return (
    <div className={styles.stack}>
      {tags.length > 0 ? (
        <ul className={styles.chips}>
          {tags.map((tag) => (
            <li key={tag.id} className={styles.chip} style={{ borderColor: tag.color }}>
              <span className={styles.chipDot} style={{ background: tag.color }} aria-hidden="true" />
              {tag.name}
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={t('crm.tags.remove', { name: tag.name })}
                disabled={remove.isPending}
                onClick={() => remove.mutate(tag.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>{t('customer.noTags')}</p>
      )}
      {errorText && <Alert tone="danger">{errorText.message}</Alert>}
      {adding ? (
        <TagPicker customerId={customerId} current={tags} onDone={() => setAdding(false)} />
      ) : (
        <Button size="sm" className={styles.startButton} onClick={() => setAdding(true)}>
          {t('crm.tags.add')}
        </Button>
      )}
    </div>
  );
}

type TagPickerProps = { customerId: string; current: readonly Tag[]; onDone: () => void };

/** Search the workspace's tags; a name no tag has yet can be created with a colour. */
function TagPicker({ customerId, current, onDone }: TagPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [color, setColor] = useState(DEFAULT_TAG_COLOR);
  const allTags = useAllTags(true);
  const refresh = [customerQueryKey(customerId), crmKeys.tags];
  const addExisting = useCrmWrite((tagId: string) => crmApi.addTag(customerId, tagId), refresh);
  const create = useCrmWrite(() => crmApi.addTagByName(customerId, query.trim(), color), refresh);
  const errorText = useErrorText(addExisting.error ?? create.error ?? allTags.error);
  const searchId = useId();
  const colorId = useId();

  const name = query.trim();
  const needle = name.toLocaleLowerCase();
  const onCustomer = new Set(current.map((tag) => tag.id));
  const matches = (allTags.data ?? []).filter(
    (tag) => !onCustomer.has(tag.id) && tag.name.toLocaleLowerCase().includes(needle),
  );
  const exists = (allTags.data ?? []).some((tag) => tag.name.toLocaleLowerCase() === needle);

  return (
    <div className={styles.editor}>
      <label htmlFor={searchId} className={styles.inlineLabel}>
        {t('crm.tags.search')}
      </label>
      <input
        id={searchId}
        // biome-ignore lint/a11y/noAutofocus: opened to type a tag name
        autoFocus
        className={styles.inlineInput}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onDone();
          }
        }}
      />
      {matches.length > 0 && (
        <ul className={styles.chips} aria-label={t('crm.tags.existing')}>
          {matches.slice(0, 12).map((tag) => (
            <li key={tag.id}>
              <button
                type="button"
                className={styles.chipButton}
                style={{ borderColor: tag.color }}
                disabled={addExisting.isPending}
                onClick={() => addExisting.mutate(tag.id, { onSuccess: onDone })}
              >
                <span className={styles.chipDot} style={{ background: tag.color }} aria-hidden="true" />
                {tag.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {name && !exists && (
        <div className={styles.row}>
          <label htmlFor={colorId} className={styles.inlineLabel}>
            {t('crm.tags.color')}
          </label>
          <input
            id={colorId}
            type="color"
            className={styles.color}
            value={color}
            onChange={(event) => setColor(event.target.value)}
          />
          <Button
            size="sm"
            variant="primary"
            disabled={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: onDone })}
          >
            {t('crm.tags.create', { name })}
          </Button>
        </div>
      )}
      {errorText && <Alert tone="danger">{errorText.fields.name ?? errorText.message}</Alert>}
      <Button size="sm" variant="ghost" className={styles.startButton} onClick={onDone}>
        {t('crm.cancel')}
      </Button>
    </div>
  );
}
