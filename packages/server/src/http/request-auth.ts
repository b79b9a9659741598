import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import { authenticate, SESSION_COOKIE } from '../auth/authenticate.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { safeEqual } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The signed-in actor of a request that went through `requireAuth`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

/** Whether an Origin header names this server or an allowed origin. */
export function isAllowedOrigin(
  request: FastifyRequest,
  config: Pick<Config, 'ALLOWED_ORIGINS' | 'PUBLIC_URL'>,
) {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (config.ALLOWED_ORIGINS.includes(origin)) return true;
  if (config.PUBLIC_URL && new URL(config.PUBLIC_URL).origin === origin) return true;
  try {
    const parsed = new URL(origin);
    return parsed.host === new URL(`${parsed.protocol}//${request.headers.host}`).host;
  } catch {
    return false;
  }
}

/**
 * Adds the `requireAuth` pre-handler: resolves the bearer key or session cookie to an actor
 * and, for cookie-authenticated writes, checks the Origin and the CSRF token header.
 */
export function registerRequestAuth(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; config: Config },
): void {
  app.decorateRequest('actor', null);
  app.decorate('requireAuth', async (request: FastifyRequest) => {
    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : null;
    const actor = await authenticate(
      deps.db,
      { bearer, sessionToken: request.cookies[SESSION_COOKIE] ?? null },
      deps.clock.now(),
      deps.config.SESSION_TTL_HOURS * 3_600_000,
    );
    if (actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (!isAllowedOrigin(request, deps.config)) throw new AppError('ORIGIN_NOT_ALLOWED');
      const presented = request.headers['x-csrf-token'];
      if (typeof presented !== 'string' || !actor.csrfToken || !safeEqual(presented, actor.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID');
      }
    }
    request.actor = actor;
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    requireAuth: (request: FastifyRequest) => Promise<void>;
  }
}
