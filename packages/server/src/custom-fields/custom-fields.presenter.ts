import { type CustomerFieldValue, type CustomField, customFieldJsonValue } from '@charla/contracts';
import type { CustomFieldRow } from './custom-fields.repo.ts';

export function optionsOf(row: Pick<CustomFieldRow, 'options'>): string[] {
  return JSON.parse(row.options) as string[];
}

export function presentCustomField(row: CustomFieldRow): CustomField {
  return { id: row.id, name: row.name, type: row.type, options: optionsOf(row), createdAt: row.created_at };
}

/** Every field of the workspace with this customer's value (null when not filled in). */
export function presentCustomerValues(
  fields: CustomFieldRow[],
  values: Map<string, { value: string; updated_at: number }>,
): CustomerFieldValue[] {
  return fields.map((field) => {
    const stored = values.get(field.id);
    return {
      field: presentCustomField(field),
      value: stored ? customFieldJsonValue(field.type, stored.value) : null,
      updatedAt: stored?.updated_at ?? null,
    };
  });
}
