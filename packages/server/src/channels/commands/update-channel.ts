import type { updateChannelRequestSchema } from '@charla/contracts';
import type { z } from 'zod';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { AppError } from '../../platform/errors.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { assertCanManageWorkspace } from '../../workspaces/members.policy.ts';
import { type ChannelRow, findChannel } from '../channels.repo.ts';

type Changes = z.output<typeof updateChannelRequestSchema>;

/**
 * An admin renames a channel, replaces its token or app secret, or disconnects it (which also
 * forgets the token) and reconnects it. History stays: conversations are never deleted here.
 */
export async function updateChannel(
  db: Db,
  secretBox: SecretBox,
  actor: Actor,
  channelId: string,
  changes: Changes,
  now: number,
): Promise<ChannelRow> {
  assertCanManageWorkspace(actor);
  return inTransaction(db, async (trx) => {
    const current = await findChannel(trx, actor.workspaceId, channelId);
    if (!current) throw new AppError('CHANNEL_NOT_FOUND');
    const next: Partial<ChannelRow> = { updated_at: now };
    if (changes.name !== undefined) next.name = changes.name;
    if (changes.accessToken !== undefined) next.access_token_enc = secretBox.seal(changes.accessToken);
    if (changes.appSecret !== undefined)
      next.app_secret_enc = changes.appSecret === null ? null : secretBox.seal(changes.appSecret);
    if (changes.active === false) {
      next.active = 0;
      next.access_token_enc = null;
    }
    if (changes.active === true) {
      if (!(next.access_token_enc ?? current.access_token_enc)) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [{ field: 'body.accessToken', message: 'is needed to reconnect the channel' }],
        });
      }
      next.active = 1;
    }
    await trx.updateTable('channels').set(next).where('id', '=', channelId).execute();
    await appendEvent(trx, db.engine, {
      workspaceId: actor.workspaceId,
      type: changes.active === false ? 'channel.disconnected' : 'channel.updated',
      payload: { channelId, by: actor.memberId },
      createdAt: now,
    });
    return { ...current, ...next };
  });
}
