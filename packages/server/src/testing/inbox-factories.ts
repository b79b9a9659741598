import type { ChannelType, MessageContent } from '@charla/contracts';
import type { ChannelRow } from '../channels/channels.repo.ts';
import { insertChannel } from '../channels/channels.repo.ts';
import { recordInboundMessage } from '../conversations/commands/record-inbound-message.ts';
import type { Db } from '../db/client.ts';
import { newId } from '../platform/ids.ts';

let sequence = 0;

/** A connected channel of a workspace. */
export async function createChannel(
  db: Db,
  workspaceId: string,
  type: ChannelType = 'whatsapp',
  name = 'Ventas',
): Promise<ChannelRow> {
  sequence += 1;
  const now = Date.now();
  const row: ChannelRow = {
    id: newId(),
    workspace_id: workspaceId,
    type,
    name,
    external_id: `${type}-${Date.now()}-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    account_id: null,
    address: type === 'whatsapp' ? '15550001111' : null,
    access_token_enc: null,
    app_secret_enc: null,
    settings: '{}',
    active: 1,
    created_at: now,
    updated_at: now,
  };
  await insertChannel(db.kysely, row);
  return row;
}

/** A customer writes a text message on a channel, as a webhook would record it. */
export async function customerWrites(
  db: Db,
  channel: ChannelRow,
  options: {
    from: string;
    text?: string;
    profileName?: string;
    at: number;
    providerMessageId?: string;
    content?: MessageContent;
  },
) {
  sequence += 1;
  return recordInboundMessage(
    db,
    {
      channel,
      senderId: options.from,
      profileName: options.profileName ?? null,
      phone: channel.type === 'whatsapp' ? options.from : null,
      providerMessageId:
        options.providerMessageId ?? `wamid.in${sequence}.${Math.random().toString(36).slice(2)}`,
      kind: options.content?.kind ?? 'text',
      text: options.text ?? 'Hola, ¿tienen envíos a Querétaro?',
      content: options.content ?? { kind: 'text' },
      attachments: [],
      replyToProviderId: null,
      sentAt: options.at,
    },
    options.at,
  );
}

/** A synced WhatsApp template on a channel (as `templates/sync` would store it). */
export async function createTemplate(
  db: Db,
  channel: ChannelRow,
  template: {
    name: string;
    language: string;
    body: string;
    status?: string;
    /** A media header's format: IMAGE, VIDEO or DOCUMENT. */
    mediaHeader?: string;
  },
): Promise<void> {
  const header = template.mediaHeader ? [{ type: 'HEADER', format: template.mediaHeader }] : [];
  await db.kysely
    .insertInto('message_templates')
    .values({
      id: newId(),
      workspace_id: channel.workspace_id,
      channel_id: channel.id,
      provider_id: null,
      name: template.name,
      language: template.language,
      category: 'UTILITY',
      status: template.status ?? 'APPROVED',
      parameter_format: 'POSITIONAL',
      components: JSON.stringify([...header, { type: 'BODY', text: template.body }]),
      synced_at: Date.now(),
    })
    .execute();
}
