import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { safeEqual } from '../platform/crypto.ts';
import { newId } from '../platform/ids.ts';
import { routingIdsOf } from './meta-payload.parser.ts';
import { verifyMetaSignature } from './meta-signature.ts';

/** WhatsApp bodies can be 3 MB; Meta advises a limit of 5 MB or more. */
const WEBHOOK_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * `GET /webhooks/meta`: Meta's verification handshake. `POST /webhooks/meta`: verify the
 * signature over the raw bytes, store the body, answer 200, process later. Nothing is stored
 * for a bad signature (401); a well-signed body that is not JSON is stored as failed and
 * answered 200 so Meta does not retry garbage forever.
 */
export function metaWebhookRoutes(deps: AppDeps): FastifyPluginAsync {
  const { config, clock, webhookSecrets } = deps;
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    app.get('/webhooks/meta', { schema: { hide: true } }, async (request, reply) => {
      const query = new URL(request.url, 'http://local').searchParams;
      const token = query.get('hub.verify_token') ?? '';
      const challenge = query.get('hub.challenge');
      const expected = config.META_VERIFY_TOKEN ?? '';
      const ok =
        query.get('hub.mode') === 'subscribe' && expected !== '' && safeEqual(token, expected) && challenge;
      if (!ok) return reply.code(403).type('text/plain').send('forbidden');
      return reply.code(200).type('text/plain').send(challenge);
    });

    app.post('/webhooks/meta', { schema: { hide: true } }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      let parsed: unknown = null;
      let malformed = false;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        malformed = true;
      }
      const secrets = await webhookSecrets.candidates(malformed ? [] : routingIdsOf(parsed));
      const signature = request.headers['x-hub-signature-256'];
      if (!verifyMetaSignature(raw, typeof signature === 'string' ? signature : undefined, secrets)) {
        request.log.warn(
          { routingIds: malformed ? [] : routingIdsOf(parsed) },
          'webhook refused: bad signature',
        );
        return reply.code(401).type('text/plain').send('invalid signature');
      }
      const now = clock.now();
      await deps.storeWebhook({
        id: newId(),
        provider: 'meta',
        body: raw.toString('utf8'),
        status: malformed ? 'failed' : 'pending',
        attempts: 0,
        error: malformed ? 'malformed JSON' : null,
        lease_until: null,
        received_at: now,
        processed_at: malformed ? now : null,
      });
      return reply.code(200).type('text/plain').send('EVENT_RECEIVED');
    });
  };
}
