import { type Kysely, sql } from 'kysely';
import { newId } from '../../platform/ids.ts';
import type { Dialect } from '../dialect.ts';

/**
 * The database, not only the code, keeps these unique within a workspace (two requests or two
 * nodes can both pass the code's look-up before either inserts):
 * - tag and custom-field names in any letter case, through a `name_key` column (lower-case name,
 *   written by the app: SQL lower() folds only ASCII letters, see platform/name-key.ts);
 * - quick-reply shortcuts, exactly, among the shared replies and among each member's own;
 * - customer phone numbers.
 *
 * Duplicates stored before this migration are resolved without losing anything (ADR 0008): the
 * oldest row keeps its name and later ones become "VIP (2)", "VIP (3)" (shortcuts `promo-2`);
 * a duplicated phone stays with the customer WhatsApp reaches on it (else the oldest customer)
 * and each other customer gets a note with the number so a member can merge them.
 */
export function createUniqueNamesAndPhones(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const table of ['tags', 'custom_fields'] as const) {
        await db.schema
          .alterTable(table)
          .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await renameDuplicateNames(db, table);
        await db.schema
          .createIndex(`${table}_workspace_name_key_unique`)
          .unique()
          .on(table)
          .columns(['workspace_id', 'name_key'])
          .execute();
      }

      await renameDuplicateShortcuts(db);
      await db.schema
        .createIndex('quick_replies_shared_shortcut_unique')
        .unique()
        .on('quick_replies')
        .columns(['workspace_id', 'shortcut'])
        .where(sql.ref('owner_member_id'), 'is', null)
        .execute();
      await db.schema
        .createIndex('quick_replies_personal_shortcut_unique')
        .unique()
        .on('quick_replies')
        .columns(['workspace_id', 'owner_member_id', 'shortcut'])
        .where(sql.ref('owner_member_id'), 'is not', null)
        .execute();

      await keepEachPhoneOnOneCustomer(db);
      await db.schema.dropIndex('customers_workspace_phone_idx').execute();
      await db.schema
        .createIndex('customers_workspace_phone_unique')
        .unique()
        .on('customers')
        .columns(['workspace_id', 'phone'])
        .execute();
    },
  };
}

/** The longest names the API accepts, so a renamed duplicate can still be saved as it is. */
const MAX_NAME_LENGTH = { tags: 40, custom_fields: 60 } as const;
const MAX_SHORTCUT_LENGTH = 32;

/**
 * Rows in creation order, grouped by the scope their name must be unique in; returns the new name
 * of every row whose key an older row of its scope already has. A new name never takes a key
 * used anywhere in the scope.
 */
function renamesForDuplicates(
  rows: { id: string; scope: string; name: string }[],
  keyOf: (name: string) => string,
  numbered: (name: string, n: number) => string,
): Map<string, string> {
  const used = new Set(rows.map((row) => `${row.scope}\u0000${keyOf(row.name)}`));
  const seen = new Set<string>();
  const renames = new Map<string, string>();
  for (const row of rows) {
    let name = row.name;
    if (seen.has(`${row.scope}\u0000${keyOf(name)}`)) {
      let n = 2;
      while (used.has(`${row.scope}\u0000${keyOf(numbered(row.name, n))}`)) n += 1;
      name = numbered(row.name, n);
      renames.set(row.id, name);
      used.add(`${row.scope}\u0000${keyOf(name)}`);
    }
    seen.add(`${row.scope}\u0000${keyOf(name)}`);
  }
  return renames;
}

/** "VIP" → "VIP (2)", shortened so the result stays within `max` characters. */
function withSuffix(name: string, suffix: string, max: number): string {
  const chars = [...name];
  const room = max - suffix.length;
  return `${chars.length > room ? chars.slice(0, room).join('').trimEnd() : name}${suffix}`;
}

async function renameDuplicateNames(db: Kysely<unknown>, table: 'tags' | 'custom_fields'): Promise<void> {
  const { rows } = await sql<{ id: string; workspace_id: string; name: string }>`
    select id, workspace_id, name from ${sql.table(table)} order by created_at, id`.execute(db);
  const keyOf = (name: string) => name.toLowerCase();
  const renames = renamesForDuplicates(
    rows.map((row) => ({ id: row.id, scope: row.workspace_id, name: row.name })),
    keyOf,
    (name, n) => withSuffix(name, ` (${n})`, MAX_NAME_LENGTH[table]),
  );
  for (const row of rows) {
    const name = renames.get(row.id) ?? row.name;
    await sql`update ${sql.table(table)} set name = ${name}, name_key = ${keyOf(name)} where id = ${row.id}`.execute(
      db,
    );
  }
}

async function renameDuplicateShortcuts(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    id: string;
    workspace_id: string;
    owner_member_id: string | null;
    shortcut: string;
  }>`
    select id, workspace_id, owner_member_id, shortcut from quick_replies order by created_at, id`.execute(
    db,
  );
  const renames = renamesForDuplicates(
    rows.map((row) => ({
      id: row.id,
      scope: `${row.workspace_id}/${row.owner_member_id ?? 'shared'}`,
      name: row.shortcut,
    })),
    (shortcut) => shortcut,
    (shortcut, n) => withSuffix(shortcut, `-${n}`, MAX_SHORTCUT_LENGTH),
  );
  for (const [id, shortcut] of renames) {
    await sql`update quick_replies set shortcut = ${shortcut} where id = ${id}`.execute(db);
  }
}

interface PhoneHolder {
  id: string;
  workspace_id: string;
  first_name: string | null;
  last_name: string | null;
  profile_name: string | null;
  /** Whether one of the customer's WhatsApp identities is this number (1/0 or true/false). */
  on_whatsapp: number | boolean;
}

/**
 * For each phone several customers of a workspace share: the customer WhatsApp reaches on it
 * keeps it (their phone is read-only: it is how WhatsApp reaches them), else the oldest. The
 * others lose the phone but keep their WhatsApp identities, conversations and search text (a
 * search for the number still finds them all), and get a note naming the number and its holder.
 */
async function keepEachPhoneOnOneCustomer(db: Kysely<unknown>): Promise<void> {
  const { rows: shared } = await sql<{ workspace_id: string; phone: string }>`
    select workspace_id, phone from customers where phone is not null
    group by workspace_id, phone having count(*) > 1 order by workspace_id, phone`.execute(db);
  const now = Date.now();
  for (const { workspace_id: workspaceId, phone } of shared) {
    const { rows: holders } = await sql<PhoneHolder>`
      select c.id, c.workspace_id, c.first_name, c.last_name, c.profile_name,
        exists (
          select 1 from customer_identities i join channels ch on ch.id = i.channel_id
          where i.customer_id = c.id and ch.type = 'whatsapp' and i.external_id = c.phone
        ) as on_whatsapp
      from customers c where c.workspace_id = ${workspaceId} and c.phone = ${phone}
      order by c.created_at, c.id`.execute(db);
    const keeper = holders.find((holder) => Boolean(holder.on_whatsapp)) ?? holders[0];
    if (!keeper) continue;
    for (const other of holders) {
      if (other.id === keeper.id) continue;
      await sql`update customers set phone = null, updated_at = ${now} where id = ${other.id}`.execute(db);
      await sql`insert into customer_notes (id, workspace_id, customer_id, author_member_id, body, created_at, updated_at)
        values (${newId()}, ${workspaceId}, ${other.id}, null, ${phoneMovedNote(phone, nameOf(keeper))}, ${now}, ${now})`.execute(
        db,
      );
    }
  }
}

function nameOf(customer: PhoneHolder): string | null {
  const full = [customer.first_name, customer.last_name].filter(Boolean).join(' ').trim();
  return full || customer.profile_name || null;
}

/** Written once for every reader (the note has no reader's language), in both the app speaks. */
function phoneMovedNote(phone: string, holder: string | null): string {
  return [
    `The phone +${phone} was also on ${holder ?? 'another customer'}. A phone number now belongs to one customer of the workspace, so it stays there. If both are the same person, merge them.`,
    `El teléfono +${phone} también estaba en ${holder ?? 'otro cliente'}. Ahora un teléfono pertenece a un solo cliente del espacio de trabajo y se queda allí. Si son la misma persona, únelos.`,
  ].join('\n\n');
}
