import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/**
 * Deals in funnels of ordered stages, orders (from members, shops' API calls and CSV imports)
 * with their import runs, and reminders, plus the customer's count of scheduled reminders that
 * the conversation list shows without another query.
 */
export function createCrmDealsOrdersReminders(dialect: Dialect) {
  const ms = dialect.epochMs;
  // Money in minor units: 64-bit on PostgreSQL like times.
  const money = dialect.epochMs;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('customers')
        .addColumn('pending_reminders', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('funnels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('funnels_workspace_idx')
        .on('funnels')
        .columns(['workspace_id', 'id'])
        .execute();

      await db.schema
        .createTable('funnel_stages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('funnel_id', 'text', (c) => c.notNull().references('funnels.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('funnel_stages_funnel_idx')
        .on('funnel_stages')
        .columns(['funnel_id', 'position'])
        .execute();

      await db.schema
        .createTable('deals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('funnel_id', 'text', (c) => c.notNull().references('funnels.id'))
        .addColumn('stage_id', 'text', (c) => c.notNull().references('funnel_stages.id'))
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('owner_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('amount_minor', money, (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('expected_close_date', 'text')
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('deals_board_idx')
        .on('deals')
        .columns(['workspace_id', 'funnel_id', 'stage_id', 'updated_at'])
        .execute();
      await db.schema.createIndex('deals_stage_idx').on('deals').columns(['stage_id']).execute();
      await db.schema.createIndex('deals_customer_idx').on('deals').columns(['customer_id']).execute();
      await db.schema.createIndex('deals_owner_idx').on('deals').columns(['owner_member_id']).execute();

      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('external_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('total_minor', money, (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .addUniqueConstraint('orders_workspace_external_unique', ['workspace_id', 'external_id'])
        .execute();
      await db.schema
        .createIndex('orders_customer_idx')
        .on('orders')
        .columns(['customer_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('order_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('created_by_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('processed', 'integer', (c) => c.notNull())
        .addColumn('rows', 'text', (c) => c.notNull())
        .addColumn('errors', 'text', (c) => c.notNull())
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('reminders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('created_by_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('local_at', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('run_at', ms, (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('failure_reason', 'text')
        .addColumn('message_id', 'text')
        .addColumn('created_at', ms, (c) => c.notNull())
        .addColumn('updated_at', ms, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reminders_customer_idx')
        .on('reminders')
        .columns(['customer_id', 'run_at'])
        .execute();
      await db.schema
        .createIndex('reminders_workspace_status_idx')
        .on('reminders')
        .columns(['workspace_id', 'status', 'run_at'])
        .execute();
    },
  };
}
