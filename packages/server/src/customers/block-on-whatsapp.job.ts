import { z } from 'zod';
import { GraphClient, GraphError } from '../channels/graph-client.ts';
import type { Db } from '../db/client.ts';
import type { JobHandler } from '../jobs/job-worker.ts';
import { PermanentJobError, RetryLaterError } from '../jobs/job-worker.ts';
import type { SecretBox } from '../platform/secret-box.ts';

export const BLOCK_ON_WHATSAPP_JOB = 'customer.block-on-whatsapp';

/**
 * Blocking a customer in Charla also blocks their number through the Cloud API
 * (`POST /{phone-number-id}/block_users`), and unblocking removes it (`DELETE`), so they cannot
 * write to the number at all. Their messages up to then stay stored.
 */
export function blockOnWhatsAppJob(deps: { db: Db; secretBox: SecretBox; graphUrl: string }): JobHandler {
  const graph = new GraphClient(deps.graphUrl, 15_000);
  return {
    type: BLOCK_ON_WHATSAPP_JOB,
    async run(job) {
      const { identityId, block } = z
        .object({ identityId: z.string(), block: z.boolean() })
        .parse(job.payload);
      const identity = await deps.db.kysely
        .selectFrom('customer_identities')
        .innerJoin('channels', 'channels.id', 'customer_identities.channel_id')
        .select([
          'customer_identities.external_id',
          'channels.external_id as phone_number_id',
          'channels.access_token_enc',
        ])
        .where('customer_identities.id', '=', identityId)
        .where('channels.type', '=', 'whatsapp')
        .executeTakeFirst();
      if (!identity) throw new PermanentJobError(`WhatsApp identity ${identityId} is gone`);
      if (!identity.access_token_enc) throw new PermanentJobError('the channel has no token');
      try {
        await graph.request(
          block ? 'POST' : 'DELETE',
          `${identity.phone_number_id}/block_users`,
          deps.secretBox.open(identity.access_token_enc),
          {
            messaging_product: 'whatsapp',
            block_users: [{ user: identity.external_id }],
          },
        );
      } catch (error) {
        if (error instanceof GraphError && !error.retryable) throw new PermanentJobError(error.message);
        if (error instanceof GraphError) throw new RetryLaterError(error.message, error.retryAfterMs ?? 0);
        throw error;
      }
    },
  };
}
