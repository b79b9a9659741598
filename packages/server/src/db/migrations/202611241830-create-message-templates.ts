import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** WhatsApp message templates, synced from each number's WhatsApp Business Account. */
export function createMessageTemplates(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('message_templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('provider_id', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('parameter_format', 'text', (c) => c.notNull())
        .addColumn('components', 'text', (c) => c.notNull())
        .addColumn('synced_at', dialect.epochMs, (c) => c.notNull())
        .addUniqueConstraint('message_templates_channel_name_language_unique', [
          'channel_id',
          'name',
          'language',
        ])
        .execute();
    },
  };
}
