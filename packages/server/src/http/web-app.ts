import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './http-errors.ts';

/** Where `npm run build:web` writes the single-page app. */
export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const API_PREFIXES = ['/api/', '/webhooks/', '/healthz', '/readyz'];

/**
 * Serves the built web app at `/`, with every unknown non-API GET answered by index.html so
 * client-side routes survive a reload. API paths that match nothing get a JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir = WEB_DIST_DIR): Promise<void> {
  const built = existsSync(path.join(distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = API_PREFIXES.some((prefix) => request.url.startsWith(prefix));
    // A missing file (a stale chunk after a redeploy) must 404, not answer with index.html.
    const isFile = /\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '');
    if (request.method !== 'GET' || isApi || isFile) return sendError(request, reply, 'NOT_FOUND');
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet. Run `npm run build:web` (npm start does it for you).');
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
