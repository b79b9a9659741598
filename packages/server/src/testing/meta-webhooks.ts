import type { FastifyInstance } from 'fastify';
import type { ChannelRow } from '../channels/channels.repo.ts';
import { signMetaBody } from '../webhooks/meta-signature.ts';
import { TEST_APP_SECRET } from './test-app.ts';

/** Posts a webhook body exactly as Meta would: raw bytes, signed with the app secret. */
export function postMetaWebhook(app: FastifyInstance, body: unknown, secret = TEST_APP_SECRET) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return app.inject({
    method: 'POST',
    url: '/webhooks/meta',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(raw, secret) },
    payload: raw,
  });
}

/** A WhatsApp `messages` webhook envelope around messages and/or statuses, per the reference. */
export function whatsappEnvelope(
  channel: Pick<ChannelRow, 'external_id'>,
  value: { messages?: unknown[]; statuses?: unknown[]; contacts?: { name: string; waId: string }[] },
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: channel.external_id },
              ...(value.contacts
                ? {
                    contacts: value.contacts.map((contact) => ({
                      profile: { name: contact.name },
                      wa_id: contact.waId,
                    })),
                  }
                : {}),
              ...(value.messages ? { messages: value.messages } : {}),
              ...(value.statuses ? { statuses: value.statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}

/** A Page (`page`) or Instagram (`instagram`) webhook with `messaging[]` items. */
export function messagingEnvelope(
  object: 'page' | 'instagram',
  channel: Pick<ChannelRow, 'external_id'>,
  items: unknown[],
) {
  return { object, entry: [{ id: channel.external_id, time: Date.now(), messaging: items }] };
}
