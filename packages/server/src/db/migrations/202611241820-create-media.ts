import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Files members upload and files customers send, stored once by content hash. */
export function createMedia(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('media')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('mime_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('created_at', dialect.epochMs, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('media_workspace_sha_idx')
        .on('media')
        .columns(['workspace_id', 'sha256'])
        .execute();
    },
  };
}
