/** Signed WhatsApp webhook bodies as Meta sends them, and autocannon firing them at a fixed rate. */
import autocannon from 'autocannon';
import { signMetaBody } from '../packages/server/src/webhooks/meta-signature.ts';

export const BENCH_APP_SECRET = 'bench-app-secret';
export const PHONE_NUMBER_ID = '106540352242922';

function envelope(value: Record<string, unknown>): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

/** Message `index` from one of 5,000 customers; its text carries `#<index> ` to be found again. */
export function messageBody(index: number): string {
  const from = `52155${String(10_000_000 + (index % 5_000)).padStart(8, '0')}`;
  return envelope({
    contacts: [{ profile: { name: `Cliente ${index % 5_000} Ñúñez` }, wa_id: from }],
    messages: [
      {
        from,
        id: `wamid.bench${index}`,
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'text',
        text: { body: `Hola, ¿tienen stock? #${index} 😀` },
      },
    ],
  });
}

/** The index `messageBody` put in a text (or a frame carrying it), or null. */
export function messageIndexIn(text: string): number | null {
  const match = /#(\d+) /.exec(text);
  return match ? Number(match[1]) : null;
}

/** A delivery status for our message `wamid.out<index>`. */
export function statusBody(index: number, status: string): string {
  return envelope({
    statuses: [
      {
        id: `wamid.out${index}`,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: '5215500000000',
      },
    ],
  });
}

export function signatureOf(body: string): string {
  return signMetaBody(body, BENCH_APP_SECRET);
}

/** POSTs the bodies in order at `rate`/s for `durationS` seconds (or until they run out). */
export async function fire(url: string, bodies: string[], rate: number, durationS: number) {
  let next = 0;
  const signed = bodies.map((body) => ({ body, signature: signatureOf(body) }));
  return autocannon({
    url: `${url}/webhooks/meta`,
    connections: Math.min(100, Math.max(10, Math.ceil(rate / 20))),
    overallRate: rate,
    amount: Math.min(signed.length, rate * durationS),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const item = signed[next % signed.length];
          next += 1;
          return {
            ...request,
            body: item?.body,
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': item?.signature ?? '' },
          };
        },
      },
    ],
  });
}
