import type { Migration } from 'kysely';
import type { Dialect } from '../dialect.ts';
import { createFoundation } from './202611241700-create-foundation.ts';
import { createInbox } from './202611241730-create-inbox.ts';
import { createWebhookEvents } from './202611241800-create-webhook-events.ts';
import { createMedia } from './202611241820-create-media.ts';
import { createMessageTemplates } from './202611241830-create-message-templates.ts';
import { createCrmProfile } from './202611241900-crm-profile.ts';
import { createCrmDealsOrdersReminders } from './202611241910-crm-deals-orders-reminders.ts';
import { createQueryIndexes } from './202611241945-query-indexes.ts';
import { createCountsIndexWithCustomer } from './202611241950-counts-index-with-customer.ts';
import { createConversationCounts } from './202611242010-conversation-counts.ts';
import { createUniqueNamesAndPhones } from './202611242130-unique-names-and-phones.ts';
import { createOrderImportPhases } from './202611242200-order-import-phases.ts';
import { createReminderFailureCode } from './202611242230-reminder-failure-code.ts';

/**
 * Every migration, in order, keyed by a name that sorts by time. A migration that has landed
 * is never edited: add a new one.
 */
export function allMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '202611241700-create-foundation': createFoundation(dialect),
    '202611241730-create-inbox': createInbox(dialect),
    '202611241800-create-webhook-events': createWebhookEvents(dialect),
    '202611241820-create-media': createMedia(dialect),
    '202611241830-create-message-templates': createMessageTemplates(dialect),
    '202611241900-crm-profile': createCrmProfile(dialect),
    '202611241910-crm-deals-orders-reminders': createCrmDealsOrdersReminders(dialect),
    '202611241945-query-indexes': createQueryIndexes(dialect),
    '202611241950-counts-index-with-customer': createCountsIndexWithCustomer(dialect),
    '202611242010-conversation-counts': createConversationCounts(dialect),
    '202611242130-unique-names-and-phones': createUniqueNamesAndPhones(dialect),
    '202611242200-order-import-phases': createOrderImportPhases(dialect),
    '202611242230-reminder-failure-code': createReminderFailureCode(dialect),
  };
}
