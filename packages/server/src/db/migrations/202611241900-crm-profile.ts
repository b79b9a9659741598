import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * The customer record beyond the inbox: ID document and address on the customer, notes,
 * workspace-defined custom fields with one value per customer, and quick replies (personal when
 * they have an owner, shared when not).
 */
export function createCrmProfile(dialect: Dialect) {
  const ms = dialect.epochMs;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const column of ['id_type', 'id_number', 'address', 'city', 'state_province']) {
        await db.schema.alterTable('customers').addColumn(column, 'text').execute();
      }

      await db.schema
        .createTable('customer_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('author_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('customer_notes_customer_idx')
        .on('customer_notes')
        .columns(['customer_id', 'created_at', 'id'])
        .execute();

      await db.schema
        .createTable('custom_fields')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        // JSON array of the choices of a list field; [] for other types.
        .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addUniqueConstraint('custom_fields_workspace_name_unique', ['workspace_id', 'name'])
        .execute();

      await db.schema
        .createTable('custom_field_values')
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('field_id', 'text', (c) => c.notNull().references('custom_fields.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        // The value in its canonical text form (see custom-fields/field-values.ts).
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('custom_field_values_pk', ['customer_id', 'field_id'])
        .execute();
      await db.schema
        .createIndex('custom_field_values_field_idx')
        .on('custom_field_values')
        .columns(['field_id', 'value', 'customer_id'])
        .execute();

      await db.schema
        .createTable('quick_replies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        // The member a personal reply belongs to; null for a reply shared with the workspace.
        .addColumn('owner_member_id', 'text', (c) => c.references('members.id').onDelete('cascade'))
        .addColumn('shortcut', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('media_id', 'text', (c) => c.references('media.id').onDelete('set null'))
        // Lower-case, accent-free shortcut, title and text: what the composer's `/` search matches.
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('created_by_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('quick_replies_workspace_idx')
        .on('quick_replies')
        .columns(['workspace_id', 'shortcut'])
        .execute();
    },
  };
}
