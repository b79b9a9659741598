import { sql } from 'kysely';
import type { DatabaseEngine, Db } from '../db/client.ts';
import type {
  ConversationTable,
  CustomerIdentityTable,
  CustomerTable,
  CustomerTagTable,
  MessageReactionTable,
  MessageTable,
  TagTable,
} from '../db/schema.ts';
import { type Executor, inTransaction } from '../db/transaction.ts';

/**
 * Bound parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER (32766 since
 * 3.32) and PostgreSQL's wire-protocol limit (65535).
 */
const MAX_PARAMETERS: Record<DatabaseEngine, number> = { sqlite: 32_766, postgres: 65_535 };

/** A few hundred rows per statement: large enough to amortise round trips, small enough to plan fast. */
const MAX_ROWS_PER_STATEMENT = 500;

/** How many rows of `columns` columns fit in one multi-row INSERT on this engine. */
export function rowsPerStatement(engine: DatabaseEngine, columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS[engine] / columns)));
}

async function insertInChunks<T extends object>(
  engine: DatabaseEngine,
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = rowsPerStatement(engine, Object.keys(first).length);
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** Rows for one slice of customers, written together in one transaction. */
export interface SeedBatch {
  customers: CustomerTable[];
  identities: CustomerIdentityTable[];
  customerTags: CustomerTagTable[];
  conversations: ConversationTable[];
  messages: MessageTable[];
  reactions: MessageReactionTable[];
}

/** Writes a batch with multi-row inserts, parents before children, in one transaction. */
export async function writeSeedBatch(db: Db, batch: SeedBatch): Promise<void> {
  const { engine } = db;
  await inTransaction(db, async (trx) => {
    await insertInChunks(engine, batch.customers, (chunk) =>
      trx.insertInto('customers').values(chunk).execute(),
    );
    await insertInChunks(engine, batch.identities, (chunk) =>
      trx.insertInto('customer_identities').values(chunk).execute(),
    );
    await insertInChunks(engine, batch.customerTags, (chunk) =>
      trx.insertInto('customer_tags').values(chunk).execute(),
    );
    await insertInChunks(engine, batch.conversations, (chunk) =>
      trx.insertInto('conversations').values(chunk).execute(),
    );
    await insertInChunks(engine, batch.messages, (chunk) =>
      trx.insertInto('messages').values(chunk).execute(),
    );
    await insertInChunks(engine, batch.reactions, (chunk) =>
      trx.insertInto('message_reactions').values(chunk).execute(),
    );
  });
}

/** The workspace's tags. */
export async function listTags(db: Executor, workspaceId: string): Promise<TagTable[]> {
  return db.selectFrom('tags').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
}

/** Adds tags. */
export async function insertTags(db: Executor, rows: readonly TagTable[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('tags')
      .values([...rows])
      .execute();
}

/** Identity handles (wa_id, PSID, IGSID) already used on these channels, so new ones never clash. */
export async function identityExternalIds(db: Executor, channelIds: readonly string[]): Promise<string[]> {
  if (channelIds.length === 0) return [];
  const rows = await db
    .selectFrom('customer_identities')
    .select('external_id')
    .where('channel_id', 'in', channelIds)
    .execute();
  return rows.map((row) => row.external_id);
}

/** The phone numbers the workspace's customers have: unique per workspace, so never drawn again. */
export async function customerPhones(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('phone')
    .where('workspace_id', '=', workspaceId)
    .where('phone', 'is not', null)
    .execute();
  return rows.flatMap((row) => (row.phone ? [row.phone] : []));
}

/**
 * Refreshes planner statistics after a bulk load. PostgreSQL's autovacuum would do the same a
 * little later; running it now makes the first queries after seeding plan as they will in use.
 */
export async function analyzeAfterBulkLoad(db: Db): Promise<void> {
  if (db.engine === 'postgres') await sql`analyze`.execute(db.kysely);
}
