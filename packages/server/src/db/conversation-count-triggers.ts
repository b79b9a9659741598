import { type Kysely, sql } from 'kysely';

/*
 * Triggers that keep `conversation_counts` exact: one row per (workspace, channel, owner or '',
 * status) with how many conversations it holds and how many of them are unread. They run in the
 * transaction of every insert, delete or update of a conversation, whichever code path (webhook
 * ingest, assignment, merge, seed, cascades from a deleted customer or channel) made it, so the
 * counts can never drift from the rows (ADR 0007). An update touches the counters only when it
 * moves the conversation to another key or crosses between read and unread: the common
 * "one more unread message" update writes nothing here.
 */

/** SQLite: one trigger per kind of change; upserts need SQLite 3.24 (bundled: 3.4x). */
export async function createSqliteConversationCountTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create trigger conversation_counts_ai after insert on conversations begin
    insert into conversation_counts (workspace_id, channel_id, owner_member_id, status, total, unread)
    values (new.workspace_id, new.channel_id, coalesce(new.owner_member_id, ''), new.status, 1, new.unread_count > 0)
    on conflict (workspace_id, channel_id, owner_member_id, status)
    do update set total = total + 1, unread = unread + excluded.unread;
  end`.execute(db);
  await sql`create trigger conversation_counts_ad after delete on conversations begin
    update conversation_counts set total = total - 1, unread = unread - (old.unread_count > 0)
    where workspace_id = old.workspace_id and channel_id = old.channel_id
      and owner_member_id = coalesce(old.owner_member_id, '') and status = old.status;
  end`.execute(db);
  await sql`create trigger conversation_counts_au
    after update of workspace_id, channel_id, owner_member_id, status, unread_count on conversations
    when old.workspace_id is not new.workspace_id or old.channel_id is not new.channel_id
      or old.owner_member_id is not new.owner_member_id or old.status is not new.status
      or (old.unread_count > 0) is not (new.unread_count > 0)
    begin
    update conversation_counts set total = total - 1, unread = unread - (old.unread_count > 0)
    where workspace_id = old.workspace_id and channel_id = old.channel_id
      and owner_member_id = coalesce(old.owner_member_id, '') and status = old.status;
    insert into conversation_counts (workspace_id, channel_id, owner_member_id, status, total, unread)
    values (new.workspace_id, new.channel_id, coalesce(new.owner_member_id, ''), new.status, 1, new.unread_count > 0)
    on conflict (workspace_id, channel_id, owner_member_id, status)
    do update set total = total + 1, unread = unread + excluded.unread;
  end`.execute(db);
}

/** PostgreSQL: one PL/pgSQL function behind an insert/delete trigger and a filtered update trigger. */
export async function createPostgresConversationCountTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create function conversation_counts_track() returns trigger language plpgsql as $$
  begin
    if tg_op = 'UPDATE' then
      -- Lock the rows left and entered in one fixed order: two opposite moves at once (one chat
      -- open → pending, another pending → open) would otherwise deadlock.
      perform 1 from conversation_counts
        where (workspace_id, channel_id, owner_member_id, status) in (
          (old.workspace_id, old.channel_id, coalesce(old.owner_member_id, ''), old.status),
          (new.workspace_id, new.channel_id, coalesce(new.owner_member_id, ''), new.status))
        order by workspace_id, channel_id, owner_member_id, status
        for update;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
      update conversation_counts
        set total = total - 1, unread = unread - (old.unread_count > 0)::integer
        where workspace_id = old.workspace_id and channel_id = old.channel_id
          and owner_member_id = coalesce(old.owner_member_id, '') and status = old.status;
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
      insert into conversation_counts (workspace_id, channel_id, owner_member_id, status, total, unread)
      values (new.workspace_id, new.channel_id, coalesce(new.owner_member_id, ''), new.status, 1,
        (new.unread_count > 0)::integer)
      on conflict (workspace_id, channel_id, owner_member_id, status)
      do update set total = conversation_counts.total + 1,
        unread = conversation_counts.unread + excluded.unread;
    end if;
    return null;
  end $$`.execute(db);
  await sql`create trigger conversation_counts_insert_delete after insert or delete on conversations
    for each row execute function conversation_counts_track()`.execute(db);
  await sql`create trigger conversation_counts_update
    after update of workspace_id, channel_id, owner_member_id, status, unread_count on conversations
    for each row when (old.workspace_id is distinct from new.workspace_id
      or old.channel_id is distinct from new.channel_id
      or old.owner_member_id is distinct from new.owner_member_id
      or old.status is distinct from new.status
      or (old.unread_count > 0) is distinct from (new.unread_count > 0))
    execute function conversation_counts_track()`.execute(db);
}
