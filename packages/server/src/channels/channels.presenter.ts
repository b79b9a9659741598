import type { Channel } from '@charla/contracts';
import type { SecretBox } from '../platform/secret-box.ts';
import type { ChannelRow } from './channels.repo.ts';

/** A channel as members see it: the token only as its last four characters. */
export function presentChannel(row: ChannelRow, secretBox: SecretBox): Channel {
  let tokenHint: string | null = null;
  if (row.access_token_enc) {
    try {
      tokenHint = `…${secretBox.open(row.access_token_enc).slice(-4)}`;
    } catch {
      tokenHint = '(unreadable: ENCRYPTION_KEY changed?)';
    }
  }
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    externalId: row.external_id,
    accountId: row.account_id,
    address: row.address,
    active: row.active === 1,
    tokenHint,
    hasAppSecret: row.app_secret_enc !== null,
    createdAt: row.created_at,
  };
}
