import { z } from 'zod';
import { GraphClient } from '../channels/graph-client.ts';
import { recordConversationUpdated } from '../conversations/conversations.events.ts';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { JobHandler } from '../jobs/job-worker.ts';
import { PermanentJobError } from '../jobs/job-worker.ts';
import type { Clock } from '../platform/clock.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { recordOf, stringOf } from '../webhooks/loose-json.ts';
import { buildSearchText } from './customer-search.ts';

export const FETCH_PROFILE_JOB = 'customer.fetch-profile';

/**
 * Messenger and Instagram webhooks carry no names: the profile is looked up through the Graph
 * API (`GET /{PSID}?fields=first_name,last_name`, `GET /{IGSID}?fields=name,username`) and
 * kept as the customer's profile name. Names a member typed are never overwritten.
 */
export function fetchProfileJob(deps: {
  db: Db;
  clock: Clock;
  secretBox: SecretBox;
  graphUrl: string;
}): JobHandler {
  const graph = new GraphClient(deps.graphUrl, 10_000);
  return {
    type: FETCH_PROFILE_JOB,
    async run(job) {
      const { identityId } = z.object({ identityId: z.string() }).parse(job.payload);
      const identity = await deps.db.kysely
        .selectFrom('customer_identities')
        .innerJoin('channels', 'channels.id', 'customer_identities.channel_id')
        .select([
          'customer_identities.customer_id',
          'customer_identities.external_id',
          'channels.type',
          'channels.access_token_enc',
        ])
        .where('customer_identities.id', '=', identityId)
        .executeTakeFirst();
      if (!identity) throw new PermanentJobError(`identity ${identityId} is gone`);
      if (!identity.access_token_enc)
        throw new PermanentJobError('the channel has no token to look the profile up with');
      const fields = identity.type === 'instagram' ? 'name,username' : 'first_name,last_name';
      const profile = recordOf(
        await graph.request(
          'GET',
          `${identity.external_id}?fields=${fields}`,
          deps.secretBox.open(identity.access_token_enc),
        ),
      );
      const name =
        identity.type === 'instagram'
          ? (stringOf(profile.name) ?? stringOf(profile.username))
          : [stringOf(profile.first_name), stringOf(profile.last_name)].filter(Boolean).join(' ') || null;
      if (!name) return;

      const now = deps.clock.now();
      await inTransaction(deps.db, async (trx) => {
        const customer = await trx
          .selectFrom('customers')
          .selectAll()
          .where('id', '=', identity.customer_id)
          .executeTakeFirstOrThrow();
        if (customer.profile_name) return;
        await trx
          .updateTable('customers')
          .set({
            profile_name: name,
            search_text: buildSearchText({
              ...customer,
              profileName: name,
              firstName: customer.first_name,
              lastName: customer.last_name,
            }),
            updated_at: now,
          })
          .where('id', '=', customer.id)
          .execute();
        await trx
          .updateTable('customer_identities')
          .set({ profile_name: name })
          .where('id', '=', identityId)
          .execute();
        const conversations = await trx
          .selectFrom('conversations')
          .select('id')
          .where('customer_id', '=', customer.id)
          .execute();
        for (const conversation of conversations) {
          await recordConversationUpdated(
            { trx, engine: deps.db.engine, workspaceId: customer.workspace_id, now },
            conversation.id,
          );
        }
      });
    },
  };
}
