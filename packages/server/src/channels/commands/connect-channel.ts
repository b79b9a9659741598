import type { CreateChannelRequest } from '@charla/contracts';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { inTransaction } from '../../db/transaction.ts';
import { appendEvent } from '../../events/events.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import { assertCanManageWorkspace } from '../../workspaces/members.policy.ts';
import { type ChannelRow, insertChannel } from '../channels.repo.ts';

function idsOf(request: CreateChannelRequest): Pick<ChannelRow, 'external_id' | 'account_id' | 'address'> {
  switch (request.type) {
    case 'whatsapp':
      return {
        external_id: request.phoneNumberId,
        account_id: request.wabaId,
        address: request.displayPhoneNumber ?? null,
      };
    case 'messenger':
      return { external_id: request.pageId, account_id: null, address: null };
    case 'instagram':
      return {
        external_id: request.instagramAccountId,
        account_id: request.pageId ?? null,
        address: request.username ?? null,
      };
  }
}

/** An admin connects a WhatsApp number, Page or Instagram account; secrets are sealed at rest. */
export async function connectChannel(
  db: Db,
  secretBox: SecretBox,
  actor: Actor,
  request: CreateChannelRequest,
  now: number,
): Promise<ChannelRow> {
  assertCanManageWorkspace(actor);
  const row: ChannelRow = {
    id: newId(),
    workspace_id: actor.workspaceId,
    type: request.type,
    name: request.name,
    ...idsOf(request),
    access_token_enc: secretBox.seal(request.accessToken),
    app_secret_enc: request.appSecret ? secretBox.seal(request.appSecret) : null,
    settings: '{}',
    active: 1,
    created_at: now,
    updated_at: now,
  };
  try {
    await inTransaction(db, async (trx) => {
      await insertChannel(trx, row);
      await appendEvent(trx, db.engine, {
        workspaceId: actor.workspaceId,
        type: 'channel.connected',
        payload: { channelId: row.id, type: row.type, by: actor.memberId },
        createdAt: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CHANNEL_ALREADY_CONNECTED');
    throw error;
  }
  return row;
}
