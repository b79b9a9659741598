import { z } from 'zod';
import type { ChannelRow } from '../channels/channels.repo.ts';
import { GraphClient } from '../channels/graph-client.ts';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import type { SecretBox } from '../platform/secret-box.ts';
import { type MessageTemplateRow, replaceTemplates } from './templates.repo.ts';

const pageSchema = z.object({
  data: z.array(
    z.object({
      id: z.string().optional(),
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      parameter_format: z.enum(['POSITIONAL', 'NAMED']).optional(),
      components: z.array(z.unknown()).default([]),
    }),
  ),
  paging: z.object({ next: z.string().optional() }).optional(),
});

/**
 * Pulls a WhatsApp number's templates from its Business Account (`GET /{waba}/message_templates`,
 * following `paging.next`) and replaces the stored copy in one transaction.
 */
export async function syncTemplates(
  db: Db,
  deps: { secretBox: SecretBox; graphUrl: string },
  channel: ChannelRow,
  now: number,
): Promise<number> {
  if (channel.type !== 'whatsapp' || !channel.account_id) throw new AppError('TEMPLATES_ONLY_ON_WHATSAPP');
  if (!channel.access_token_enc) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'channel', message: 'is disconnected: it has no access token' }],
    });
  }
  const token = deps.secretBox.open(channel.access_token_enc);
  const graph = new GraphClient(deps.graphUrl, 20_000);
  const graphBase = new URL(deps.graphUrl);
  const rows: MessageTemplateRow[] = [];
  let path: string | null = `${channel.account_id}/message_templates?limit=100`;
  for (let page = 0; path && page < 50; page += 1) {
    const answer = pageSchema.parse(await graph.request('GET', path, token));
    for (const template of answer.data) {
      rows.push({
        id: newId(),
        workspace_id: channel.workspace_id,
        channel_id: channel.id,
        provider_id: template.id ?? null,
        name: template.name,
        language: template.language,
        category: template.category,
        status: template.status,
        parameter_format: template.parameter_format ?? 'POSITIONAL',
        components: JSON.stringify(template.components),
        synced_at: now,
      });
    }
    // `next` is an absolute URL on the same Graph host; keep only the path under the base.
    const next = answer.paging?.next ? new URL(answer.paging.next, deps.graphUrl) : null;
    path =
      next && next.host === graphBase.host
        ? `${next.pathname.replace(graphBase.pathname, '')}${next.search}`
        : null;
  }
  await inTransaction(db, (trx) => replaceTemplates(trx, channel.id, rows));
  return rows.length;
}
