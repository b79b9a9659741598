import type { CustomField, CustomFieldType } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { type Executor, inTransaction, refusingDuplicates } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nameKey } from '../../platform/name-key.ts';
import { presentCustomField } from '../custom-fields.presenter.ts';
import {
  type CustomFieldRow,
  deleteCustomField as deleteCustomFieldRow,
  deleteValuesOutside,
  findCustomField,
  findCustomFieldByName,
  insertCustomField,
  updateCustomField as updateCustomFieldRow,
} from '../custom-fields.repo.ts';

/** Custom fields shape every customer record: only admins define them. */
function assertMayDefineFields(actor: Pick<Actor, 'role'>): void {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
}

const nameTaken = () =>
  new AppError('CUSTOM_FIELD_NAME_TAKEN', {
    fields: [{ field: 'body.name', message: 'is already a field' }],
  });

/** A field definition of the actor's workspace, or CUSTOM_FIELD_NOT_FOUND. */
export async function loadCustomField(db: Executor, actor: Actor, fieldId: string): Promise<CustomFieldRow> {
  const field = await findCustomField(db, actor.workspaceId, fieldId);
  if (!field) throw new AppError('CUSTOM_FIELD_NOT_FOUND');
  return field;
}

export async function createCustomField(
  db: Db,
  actor: Actor,
  input: { name: string; type: CustomFieldType; options?: string[] },
  now: number,
): Promise<CustomField> {
  assertMayDefineFields(actor);
  return refusingDuplicates(nameTaken, () =>
    inTransaction(db, async (trx) => {
      if (await findCustomFieldByName(trx, actor.workspaceId, input.name)) throw nameTaken();
      const row: CustomFieldRow = {
        id: newId(),
        workspace_id: actor.workspaceId,
        name: input.name,
        type: input.type,
        options: JSON.stringify(input.options ?? []),
        created_at: now,
        updated_at: now,
      };
      await insertCustomField(trx, row);
      return presentCustomField(row);
    }),
  );
}

/**
 * Renames a field or changes a list's options. Customers whose value is no longer an option
 * lose that value (it could not be chosen again either).
 */
export async function updateCustomField(
  db: Db,
  actor: Actor,
  fieldId: string,
  input: { name?: string; options?: string[] },
  now: number,
): Promise<CustomField> {
  assertMayDefineFields(actor);
  return refusingDuplicates(nameTaken, () =>
    inTransaction(db, async (trx) => {
      const field = await loadCustomField(trx, actor, fieldId);
      if (input.options && field.type !== 'list')
        throw fieldError('body.options', 'only list fields have options');
      if (input.name !== undefined && nameKey(input.name) !== nameKey(field.name)) {
        if (await findCustomFieldByName(trx, actor.workspaceId, input.name)) throw nameTaken();
      }
      const options = input.options ? JSON.stringify(input.options) : undefined;
      await updateCustomFieldRow(trx, actor.workspaceId, field.id, { name: input.name, options }, now);
      if (input.options) await deleteValuesOutside(trx, actor.workspaceId, field.id, input.options);
      return presentCustomField({
        ...field,
        name: input.name ?? field.name,
        options: options ?? field.options,
      });
    }),
  );
}

/** Deletes a field and every customer's value of it. */
export async function deleteCustomField(db: Db, actor: Actor, fieldId: string): Promise<void> {
  assertMayDefineFields(actor);
  await inTransaction(db, async (trx) => {
    const field = await loadCustomField(trx, actor, fieldId);
    await deleteCustomFieldRow(trx, actor.workspaceId, field.id);
  });
}
