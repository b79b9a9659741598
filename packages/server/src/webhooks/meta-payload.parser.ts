import { listOf, recordOf, stringOf } from './loose-json.ts';
import { parseMessagingItem } from './messenger.parser.ts';
import type { ParsedMetaEvent } from './meta-events.ts';
import { parseWhatsAppValue } from './whatsapp.parser.ts';

/**
 * Dispatches a whole webhook body on `object` and on which containers each entry holds
 * (`changes`, `messaging`, `standby`), as Meta advises, into inbox events.
 */
export function parseMetaPayload(body: unknown): ParsedMetaEvent[] {
  const payload = recordOf(body);
  const object = stringOf(payload.object);
  const events: ParsedMetaEvent[] = [];
  for (const rawEntry of listOf(payload.entry)) {
    const entry = recordOf(rawEntry);
    const entryId = stringOf(entry.id) ?? '';
    for (const rawChange of listOf(entry.changes)) {
      const change = recordOf(rawChange);
      if (object === 'whatsapp_business_account' && change.field === 'messages') {
        events.push(...parseWhatsAppValue(change.value));
      } else {
        // Comments (feed / comments fields) and account notices land here until their features do.
        events.push({
          type: 'ignored',
          reason: `${object ?? 'unknown'} change ${stringOf(change.field) ?? '?'}`,
        });
      }
    }
    if (object === 'page' || object === 'instagram') {
      for (const item of [...listOf(entry.messaging), ...listOf(entry.standby)]) {
        events.push(...parseMessagingItem(object, entryId, item));
      }
    }
  }
  if (events.length === 0)
    events.push({ type: 'ignored', reason: `nothing to process in object ${object ?? 'unknown'}` });
  return events;
}

/** Every id a payload routes by (phone_number_id, Page id, IG account id, WABA id). */
export function routingIdsOf(body: unknown): string[] {
  const ids = new Set<string>();
  for (const rawEntry of listOf(recordOf(body).entry)) {
    const entry = recordOf(rawEntry);
    const entryId = stringOf(entry.id);
    if (entryId) ids.add(entryId);
    for (const change of listOf(entry.changes)) {
      const phoneNumberId = stringOf(recordOf(recordOf(recordOf(change).value).metadata).phone_number_id);
      if (phoneNumberId) ids.add(phoneNumberId);
    }
  }
  return [...ids];
}
