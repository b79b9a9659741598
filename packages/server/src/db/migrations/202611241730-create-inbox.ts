import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Channels, customers with their channel identities, conversations (denormalised for the list),
 * messages, reactions, tags, and the customer search index. Events learn which conversation
 * owner they concern so the realtime hub can filter them per member.
 */
export function createInbox(dialect: Dialect) {
  const ms = dialect.epochMs;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('address', 'text')
        .addColumn('access_token_enc', 'text')
        .addColumn('app_secret_enc', 'text')
        .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addUniqueConstraint('channels_type_external_unique', ['type', 'external_id'])
        .execute();
      await db.schema
        .createIndex('channels_workspace_idx')
        .on('channels')
        .columns(['workspace_id'])
        .execute();

      await db.schema
        .createTable('customers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('profile_name', 'text')
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('owner_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('bot_enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('customers_workspace_phone_idx')
        .on('customers')
        .columns(['workspace_id', 'phone'])
        .execute();
      await db.schema
        .createIndex('customers_owner_idx')
        .on('customers')
        .columns(['owner_member_id'])
        .execute();

      await db.schema
        .createTable('customer_identities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('profile_name', 'text')
        .addColumn('created_at', ms, (c) => c.notNull())
        .addUniqueConstraint('customer_identities_channel_external_unique', ['channel_id', 'external_id'])
        .execute();
      await db.schema
        .createIndex('customer_identities_customer_idx')
        .on('customer_identities')
        .columns(['customer_id'])
        .execute();

      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
        // Copied from the customer so the list filters by owner on one indexed table.
        .addColumn('owner_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('unread_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_activity_at', ms, (c) => c.notNull())
        .addColumn('last_inbound_at', ms)
        .addColumn('last_message_preview', 'text')
        .addColumn('last_message_kind', 'text')
        .addColumn('last_message_direction', 'text')
        .addColumn('last_message_state', 'text')
        .addColumn('last_message_id', 'text')
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addUniqueConstraint('conversations_customer_channel_unique', ['customer_id', 'channel_id'])
        .execute();
      for (const [name, columns] of [
        ['conversations_list_idx', ['workspace_id', 'last_activity_at', 'id']],
        ['conversations_status_idx', ['workspace_id', 'status', 'last_activity_at', 'id']],
        ['conversations_owner_idx', ['workspace_id', 'owner_member_id', 'last_activity_at', 'id']],
        ['conversations_channel_idx', ['workspace_id', 'channel_id', 'last_activity_at', 'id']],
      ] as const) {
        await db.schema
          .createIndex(name)
          .on('conversations')
          .columns([...columns])
          .execute();
      }

      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('conversation_id', 'text', (c) =>
          c.notNull().references('conversations.id').onDelete('cascade'),
        )
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('reply_to_message_id', 'text')
        .addColumn('provider_message_id', 'text')
        .addColumn('client_id', 'text')
        .addColumn('delivery_state', 'text')
        .addColumn('error_code', 'text')
        .addColumn('error_detail', 'text')
        .addColumn('author_type', 'text', (c) => c.notNull())
        .addColumn('author_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addUniqueConstraint('messages_channel_provider_unique', ['channel_id', 'provider_message_id'])
        .addUniqueConstraint('messages_workspace_client_unique', ['workspace_id', 'client_id'])
        .execute();
      await db.schema
        .createIndex('messages_thread_idx')
        .on('messages')
        .columns(['conversation_id', 'created_at', 'id'])
        .execute();

      await db.schema
        .createTable('message_reactions')
        .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        // 'customer' or a member id: one reaction per reactor per message, as on WhatsApp.
        .addColumn('reactor', 'text', (c) => c.notNull())
        .addColumn('emoji', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('message_reactions_pk', ['message_id', 'reactor'])
        .execute();

      await db.schema
        .createTable('tags')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('color', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addUniqueConstraint('tags_workspace_name_unique', ['workspace_id', 'name'])
        .execute();

      await db.schema
        .createTable('customer_tags')
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('tag_id', 'text', (c) => c.notNull().references('tags.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag_id'])
        .execute();
      await db.schema
        .createIndex('customer_tags_tag_idx')
        .on('customer_tags')
        .columns(['tag_id', 'customer_id'])
        .execute();

      await db.schema.alterTable('events').addColumn('owner_member_id', 'text').execute();
      await db.schema.alterTable('events').addColumn('previous_owner_member_id', 'text').execute();

      await dialect.createCustomerSearchIndex(db);
    },
  };
}
