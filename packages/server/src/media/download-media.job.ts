import { attachmentSchema } from '@charla/contracts';
import { z } from 'zod';
import { GraphClient } from '../channels/graph-client.ts';
import { recordMessageUpdated } from '../conversations/conversations.events.ts';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { JobHandler } from '../jobs/job-worker.ts';
import { PermanentJobError } from '../jobs/job-worker.ts';
import type { Clock } from '../platform/clock.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { assertFetchableUrl } from '../platform/ssrf-guard.ts';
import type { MediaStorage } from './media-storage.ts';
import { mediaUrl, storeMedia } from './store-media.ts';

export const DOWNLOAD_MEDIA_JOB = 'media.download';

/** Inbound files arrive up to 100 MB (reference §2.9). */
const MAX_INBOUND_BYTES = 100 * 1024 * 1024;

/** An attachment as stored: the contract's fields plus where the file still is at Meta. */
export const storedAttachmentSchema = attachmentSchema.extend({
  providerMediaId: z.string().nullable().optional(),
  providerUrl: z.string().nullable().optional(),
});
type StoredAttachment = z.infer<typeof storedAttachmentSchema>;

/** Whether a stored attachment still has to be fetched from Meta. */
export function needsDownload(attachment: StoredAttachment): boolean {
  return attachment.mediaId === null && Boolean(attachment.providerMediaId ?? attachment.providerUrl);
}

const mediaUrlAnswer = z.object({ url: z.string(), mime_type: z.string().optional() });

async function fetchBytes(url: string, trustedHosts: string[], token: string | null): Promise<Buffer> {
  await assertFetchableUrl(url, trustedHosts);
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(60_000),
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`media download answered ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_INBOUND_BYTES)
    throw new PermanentJobError(`media is ${length} bytes, over the 100 MB limit`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * Fetches the files of an inbound message from Meta (WhatsApp: media id → short-lived URL →
 * bytes with the channel token; Messenger/Instagram: the signed CDN URL), stores them by hash
 * and points the message at them. Failures retry with backoff; the message itself is already
 * stored, so nothing is lost while a download waits.
 */
export function downloadMediaJob(deps: {
  db: Db;
  clock: Clock;
  secretBox: SecretBox;
  mediaStorage: MediaStorage;
  graphUrl: string;
}): JobHandler {
  const graph = new GraphClient(deps.graphUrl, 30_000);
  const trustedHosts = [new URL(deps.graphUrl).host];
  return {
    type: DOWNLOAD_MEDIA_JOB,
    async run(job) {
      const { messageId } = z.object({ messageId: z.string() }).parse(job.payload);
      const message = await deps.db.kysely
        .selectFrom('messages')
        .selectAll()
        .where('id', '=', messageId)
        .executeTakeFirst();
      if (!message) throw new PermanentJobError(`message ${messageId} is gone`);
      const channel = await deps.db.kysely
        .selectFrom('channels')
        .selectAll()
        .where('id', '=', message.channel_id)
        .executeTakeFirstOrThrow();
      const attachments = z.array(storedAttachmentSchema).parse(JSON.parse(message.attachments));
      const token = channel.access_token_enc ? deps.secretBox.open(channel.access_token_enc) : null;

      const updated: StoredAttachment[] = [];
      for (const attachment of attachments) {
        if (!needsDownload(attachment)) {
          updated.push(attachment);
          continue;
        }
        let bytes: Buffer;
        if (attachment.providerMediaId) {
          if (!token) throw new PermanentJobError('the channel has no token to download media with');
          const answer = mediaUrlAnswer.parse(await graph.request('GET', attachment.providerMediaId, token));
          bytes = await fetchBytes(answer.url, trustedHosts, token);
        } else {
          bytes = await fetchBytes(attachment.providerUrl ?? '', trustedHosts, null);
        }
        const media = await storeMedia(deps.db, deps.mediaStorage, {
          workspaceId: message.workspace_id,
          bytes,
          fileName: attachment.fileName,
          declaredMime: attachment.mimeType,
          now: deps.clock.now(),
        });
        updated.push({ ...attachment, mediaId: media.id, url: mediaUrl(media.id), size: media.size });
      }

      const now = deps.clock.now();
      await inTransaction(deps.db, async (trx) => {
        await trx
          .updateTable('messages')
          .set({ attachments: JSON.stringify(updated), updated_at: now })
          .where('id', '=', messageId)
          .execute();
        const conversation = await trx
          .selectFrom('conversations')
          .select('owner_member_id')
          .where('id', '=', message.conversation_id)
          .executeTakeFirstOrThrow();
        await recordMessageUpdated(
          { trx, engine: deps.db.engine, workspaceId: message.workspace_id, now },
          message.conversation_id,
          conversation.owner_member_id,
          messageId,
        );
      });
    },
  };
}
