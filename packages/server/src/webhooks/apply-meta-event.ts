import type { Attachment } from '@charla/contracts';
import { type ChannelRow, findChannelByExternalId } from '../channels/channels.repo.ts';
import { applyDeliveryStatus, applyWatermark } from '../conversations/commands/apply-delivery-update.ts';
import { applyMessageChange, applyReaction } from '../conversations/commands/apply-message-change.ts';
import { recordInboundMessageWith } from '../conversations/commands/record-inbound-message.ts';
import type { InboxWriter } from '../conversations/conversations.events.ts';
import { assertNever } from '../platform/errors.ts';
import type { ChannelKey, ParsedMetaEvent, ProviderAttachment } from './meta-events.ts';

/** Why an event could not be applied now; the webhook stays replayable. */
export class UnroutableEventError extends Error {
  override name = 'UnroutableEventError';
}

/** A webhook batch's transaction, with the channels it already looked up (one query each). */
export interface EventBatch extends InboxWriter {
  channels: Map<string, ChannelRow | undefined>;
}

async function channelFor(batch: EventBatch, key: ChannelKey): Promise<ChannelRow> {
  const externalId = key.type === 'whatsapp' ? key.phoneNumberId : key.accountId;
  const cacheKey = `${key.type}:${externalId}`;
  if (!batch.channels.has(cacheKey)) {
    batch.channels.set(cacheKey, await findChannelByExternalId(batch.trx, key.type, externalId));
  }
  const channel = batch.channels.get(cacheKey);
  if (!channel) throw new UnroutableEventError(`no connected ${key.type} channel for id ${externalId}`);
  return channel;
}

/** Provider references stay in the stored attachment so the media job can fetch the file. */
function storedAttachment(
  attachment: ProviderAttachment,
): Attachment & { providerMediaId: string | null; providerUrl: string | null } {
  return {
    mediaId: null,
    mimeType: attachment.mimeType,
    fileName: attachment.fileName,
    size: null,
    caption: attachment.caption,
    url: null,
    providerMediaId: attachment.providerMediaId,
    providerUrl: attachment.providerUrl,
  };
}

/**
 * Applies one parsed webhook event to the inbox, in the batch's transaction. Idempotent:
 * redeliveries change nothing.
 */
export async function applyMetaEvent(batch: EventBatch, event: ParsedMetaEvent, now: number): Promise<void> {
  switch (event.type) {
    case 'ignored':
      return;
    case 'message': {
      const channel = await channelFor(batch, event.channel);
      await recordInboundMessageWith(
        batch,
        {
          channel,
          origin: event.direction === 'echo' ? 'echo' : 'customer',
          senderId: event.customerId,
          profileName: event.profileName,
          phone: event.phone,
          providerMessageId: event.providerMessageId,
          kind: event.kind,
          text: event.text,
          content: event.content,
          attachments: event.attachments.map(storedAttachment),
          replyToProviderId: event.replyToProviderId,
          sentAt: event.sentAt,
        },
        now,
      );
      return;
    }
    case 'status': {
      const channel = await channelFor(batch, event.channel);
      const known = await applyDeliveryStatus(
        batch,
        {
          channelId: channel.id,
          providerMessageId: event.providerMessageId,
          state: event.state,
          errorCode: event.errorCode,
          errorDetail: event.errorDetail,
          callbackData: event.callbackData,
        },
        now,
      );
      if (!known) throw new UnroutableEventError(`status for unknown message ${event.providerMessageId}`);
      return;
    }
    case 'watermark': {
      const channel = await channelFor(batch, event.channel);
      await applyWatermark(
        batch,
        {
          channelId: channel.id,
          customerExternalId: event.customerId,
          state: event.state,
          upTo: event.upTo,
          providerMessageId: event.providerMessageId,
        },
        now,
      );
      return;
    }
    case 'reaction': {
      const channel = await channelFor(batch, event.channel);
      if (
        !(await applyReaction(
          batch,
          {
            channelId: channel.id,
            targetProviderId: event.targetProviderId,
            emoji: event.emoji,
            at: event.at,
          },
          now,
        ))
      ) {
        throw new UnroutableEventError(`reaction to unknown message ${event.targetProviderId}`);
      }
      return;
    }
    case 'deleted':
    case 'edited': {
      const channel = await channelFor(batch, event.channel);
      await applyMessageChange(
        batch,
        {
          channelId: channel.id,
          providerMessageId: event.providerMessageId,
          change: event.type,
          text: event.text,
        },
        now,
      );
      return;
    }
    default:
      assertNever(event);
  }
}
