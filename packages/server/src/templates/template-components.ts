import type { MessageTemplate } from '@charla/contracts';
import { listOf, recordOf, stringOf } from '../webhooks/loose-json.ts';
import type { MessageTemplateRow } from './templates.repo.ts';

/** The body variables in order: `{{1}}`… for positional templates, `{{name}}` for named ones. */
export function bodyVariables(body: string): string[] {
  const seen: string[] = [];
  for (const match of body.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)) {
    const name = match[1] ?? '';
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

/** A stored template → the contract, reading Meta's components loosely. */
export function presentTemplate(row: MessageTemplateRow): MessageTemplate {
  const components = listOf(JSON.parse(row.components)).map(recordOf);
  const find = (type: string) => components.find((component) => stringOf(component.type) === type);
  const header = find('HEADER');
  const body = stringOf(find('BODY')?.text) ?? '';
  return {
    id: row.id,
    channelId: row.channel_id,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    header: header ? { format: stringOf(header.format) ?? 'TEXT', text: stringOf(header.text) } : null,
    body,
    footer: stringOf(find('FOOTER')?.text),
    variables: bodyVariables(body),
    buttons: listOf(find('BUTTONS')?.buttons).map((button) => {
      const item = recordOf(button);
      return { type: stringOf(item.type) ?? 'QUICK_REPLY', text: stringOf(item.text) ?? '' };
    }),
    syncedAt: row.synced_at,
  };
}
