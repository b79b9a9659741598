import type { Conversation, Message, startConversationRequestSchema } from '@charla/contracts';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import { type ChannelRow, findChannel } from '../../channels/channels.repo.ts';
import { findCustomerByPhone } from '../../customers/customer-profile.queries.ts';
import {
  type CustomerRow,
  findCustomer,
  findCustomerByIdentity,
  insertCustomer,
  insertIdentity,
  listIdentities,
} from '../../customers/customers.repo.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { type Executor, inTransaction } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { loadVisibleConversation } from '../conversation-access.ts';
import { conversationView, messageView } from '../conversations.events.ts';
import { canSeeConversation } from '../conversations.policy.ts';
import {
  type ConversationRow,
  findConversationOf,
  findMessageByClientId,
  insertConversationRow,
  type MessageRow,
} from '../conversations.repo.ts';
import { sendInTransaction } from './send-message.ts';

type StartRequest = z.output<typeof startConversationRequestSchema>;
type Started = { conversation: Conversation; message: Message; created: boolean };

/** The send command names the template fields its own way; New chat's body nests them. */
const FIELD_NAMES: Record<string, string> = {
  'body.templateName': 'body.template.name',
  'body.parameters': 'body.template.variables',
  'body.headerMediaId': 'body.template.headerMediaId',
};

/**
 * New chat on WhatsApp: finds or creates the customer (by phone, or one already known) and their
 * conversation on the number, then sends the approved template through the send command — all
 * in one transaction, so a refused template leaves no empty chat behind. The same `clientId`
 * again answers with the first conversation and message.
 */
export async function startConversation(
  db: Db,
  actor: Actor,
  request: StartRequest,
  now: number,
  attempt = 0,
): Promise<Started> {
  const existing = await findMessageByClientId(db.kysely, actor.workspaceId, request.clientId);
  if (existing) return alreadyStarted(db, actor, existing);
  try {
    return await inTransaction(db, async (trx) => {
      const channel = await whatsAppChannel(trx, actor, request.channelId);
      const customer =
        request.phone !== undefined
          ? await customerWithPhone(trx, actor, channel, request.phone, now)
          : await knownCustomer(trx, actor, channel, request.customerId ?? '', now);
      const conversation = await conversationOn(trx, customer, channel, now);
      const { message } = await sendInTransaction(
        trx,
        db,
        actor,
        conversation.id,
        {
          type: 'template',
          clientId: request.clientId,
          templateName: request.template.name,
          language: request.template.language,
          parameters: request.template.variables,
          ...(request.template.headerMediaId ? { headerMediaId: request.template.headerMediaId } : {}),
        },
        now,
      );
      return { conversation: await conversationView(trx, conversation.id), message, created: true };
    });
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      throw new AppError(error.code, {
        fields: error.fields.map((item) => ({ ...item, field: FIELD_NAMES[item.field] ?? item.field })),
      });
    }
    if (!isUniqueViolation(error)) throw error;
    // Two identical requests raced past the first check: the loser answers with the winner's.
    const winner = await findMessageByClientId(db.kysely, actor.workspaceId, request.clientId);
    if (winner) return alreadyStarted(db, actor, winner);
    // Two chats to one new number at once: the loser starts again and finds the customer and
    // conversation the winner created.
    if (attempt < 2) return startConversation(db, actor, request, now, attempt + 1);
    throw error;
  }
}

async function whatsAppChannel(trx: Executor, actor: Actor, channelId: string): Promise<ChannelRow> {
  const channel = await findChannel(trx, actor.workspaceId, channelId);
  if (!channel)
    throw new AppError('CHANNEL_NOT_FOUND', {
      fields: [{ field: 'body.channelId', message: 'is not a channel of this workspace' }],
    });
  // Meta lets a business open a chat only with a WhatsApp template.
  if (channel.type !== 'whatsapp') throw new AppError('TEMPLATES_ONLY_ON_WHATSAPP');
  if (channel.active !== 1) throw fieldError('body.channelId', 'is disconnected');
  return channel;
}

/** The customer behind a phone: this number's contact, else the workspace's, else a new one. */
async function customerWithPhone(
  trx: Executor,
  actor: Actor,
  channel: ChannelRow,
  phone: string,
  now: number,
): Promise<CustomerRow> {
  const onChannel = await findCustomerByIdentity(trx, channel.id, phone);
  const customer = onChannel ?? (await findCustomerByPhone(trx, actor.workspaceId, phone));
  if (customer && !canSeeConversation(actor, customer.owner_member_id)) {
    throw fieldError('body.phone', 'belongs to a customer assigned to another member');
  }
  if (customer) {
    if (!onChannel) await addIdentity(trx, customer, channel, phone, now);
    return customer;
  }
  const created = await insertCustomer(trx, {
    id: newId(),
    workspace_id: actor.workspaceId,
    profile_name: null,
    first_name: null,
    last_name: null,
    phone,
    email: null,
    owner_member_id: null,
    bot_enabled: 1,
    blocked: 0,
    created_at: now,
    updated_at: now,
  });
  await addIdentity(trx, created, channel, phone, now);
  return created;
}

/** A customer picked from the list: written to on this number through their WhatsApp id or phone. */
async function knownCustomer(
  trx: Executor,
  actor: Actor,
  channel: ChannelRow,
  customerId: string,
  now: number,
): Promise<CustomerRow> {
  const customer = await findCustomer(trx, actor.workspaceId, customerId);
  if (!customer || !canSeeConversation(actor, customer.owner_member_id)) {
    throw new AppError('CUSTOMER_NOT_FOUND', {
      fields: [{ field: 'body.customerId', message: 'is not a customer you can see' }],
    });
  }
  const identities = await listIdentities(trx, customer.id);
  if (identities.some((identity) => identity.channel_id === channel.id)) return customer;
  if (!customer.phone) throw fieldError('body.customerId', 'has no phone number to write to on WhatsApp');
  await addIdentity(trx, customer, channel, customer.phone, now);
  return customer;
}

async function addIdentity(
  trx: Executor,
  customer: CustomerRow,
  channel: ChannelRow,
  waId: string,
  now: number,
) {
  await insertIdentity(trx, {
    id: newId(),
    workspace_id: customer.workspace_id,
    customer_id: customer.id,
    channel_id: channel.id,
    external_id: waId,
    profile_name: null,
    created_at: now,
  });
}

async function conversationOn(
  trx: Executor,
  customer: CustomerRow,
  channel: ChannelRow,
  now: number,
): Promise<ConversationRow> {
  const existing = await findConversationOf(trx, customer.id, channel.id);
  if (existing) return existing;
  const row: ConversationRow = {
    id: newId(),
    workspace_id: customer.workspace_id,
    customer_id: customer.id,
    channel_id: channel.id,
    owner_member_id: customer.owner_member_id,
    status: 'new',
    unread_count: 0,
    last_activity_at: now,
    last_inbound_at: null,
    last_message_preview: null,
    last_message_kind: null,
    last_message_direction: null,
    last_message_state: null,
    last_message_id: null,
    created_at: now,
    updated_at: now,
  };
  await insertConversationRow(trx, row);
  return row;
}

async function alreadyStarted(db: Db, actor: Actor, row: MessageRow): Promise<Started> {
  await loadVisibleConversation(db.kysely, actor, row.conversation_id);
  return {
    conversation: await conversationView(db.kysely, row.conversation_id),
    message: await messageView(db.kysely, actor.workspaceId, row.id),
    created: false,
  };
}
