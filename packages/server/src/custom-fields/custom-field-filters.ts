import { parseCustomFieldValue } from '@charla/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Executor } from '../db/transaction.ts';
import { fieldError } from '../platform/errors.ts';
import { optionsOf } from './custom-fields.presenter.ts';
import { listCustomFields } from './custom-fields.repo.ts';

/** Conversations whose customer's value of `fieldId` is any of `values` (canonical text). */
export interface CustomFieldFilter {
  fieldId: string;
  values: string[];
}

const PREFIX = 'field.';
const MAX_FILTERS = 10;

/**
 * Reads `field.<fieldId>=<value>` parameters of the conversation list into filters. A list
 * field takes several options, comma separated or repeated (any of them matches; an option that
 * holds a comma is taken whole); other types one value. Values are checked against the field's
 * type so `field.<age>=abc` is an error that names the parameter, not an empty list.
 */
export async function customFieldFiltersOf(
  db: Executor,
  workspaceId: string,
  query: Record<string, unknown>,
): Promise<CustomFieldFilter[]> {
  const keys = Object.keys(query).filter((key) => key.startsWith(PREFIX));
  if (keys.length === 0) return [];
  if (keys.length > MAX_FILTERS)
    throw fieldError('query.field', `at most ${MAX_FILTERS} custom field filters`);
  const fields = new Map((await listCustomFields(db, workspaceId)).map((field) => [field.id, field]));
  return keys.map((key) => {
    const parameter = `query.${key}`;
    const field = fields.get(key.slice(PREFIX.length));
    if (!field) throw fieldError(parameter, 'is not a custom field of this workspace');
    const raw = query[key];
    const given = (Array.isArray(raw) ? raw : [raw]).map(String);
    const options = optionsOf(field);
    // An option may hold a comma itself ("Mérida, Yuc."): such a value is that option, not a list.
    const wanted =
      field.type === 'list'
        ? given.flatMap((item) => (options.includes(item.trim()) ? [item] : item.split(',')))
        : given;
    const values = wanted.map((item) => {
      const parsed = parseCustomFieldValue(field.type, options, item);
      if (!parsed.ok) throw fieldError(parameter, `must be ${parsed.expected}`);
      return parsed.stored;
    });
    return { fieldId: field.id, values };
  });
}

/** SQL: the conversation's customer matches every custom field filter. */
export function customerMatchesFields(
  eb: ExpressionBuilder<Database, 'conversations'>,
  filters: readonly CustomFieldFilter[],
): Expression<SqlBool> {
  // Sets the planner builds from custom_field_values_field_idx, like the tag filter.
  return eb.and(
    filters.map((filter) =>
      eb(
        'conversations.customer_id',
        'in',
        eb
          .selectFrom('custom_field_values')
          .select('custom_field_values.customer_id')
          .where('custom_field_values.field_id', '=', filter.fieldId)
          .where('custom_field_values.value', 'in', filter.values),
      ),
    ),
  );
}
