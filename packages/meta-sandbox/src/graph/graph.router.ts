import type { IncomingMessage, ServerResponse } from 'node:http';
import { assetId } from '../assets/asset-registry.ts';
import { routeComments } from '../comments/comments.handler.ts';
import { faultErrorResponse } from '../faults/fault-response.ts';
import { routeMedia, routeMediaDownload } from '../media/media.handler.ts';
import { routeMessagingAccount } from '../messaging/messaging-account.handler.ts';
import { routeMessagingSend } from '../messaging/messaging-send.handler.ts';
import {
  accessTokenOf,
  BodyTooLargeError,
  graphParams,
  readBody,
  sendBytes,
  sendJson,
} from '../platform/http-io.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import { routeWhatsAppAccount } from '../whatsapp/whatsapp-account.handler.ts';
import { routeWhatsAppMessages } from '../whatsapp/whatsapp-messages.handler.ts';
import { GraphError, invalidTokenError, unknownObjectError } from './graph-error.ts';
import type { GraphRequest, GraphResponse, RouteMatch, SendEffects } from './graph-route.ts';

/** Larger than WhatsApp's 100 MB document limit so the limit check is Graph's, not ours. */
const BODY_LIMIT = 110 * 1024 * 1024;

const ROUTES = [
  routeWhatsAppMessages,
  routeWhatsAppAccount,
  routeMedia,
  routeMessagingSend,
  routeMessagingAccount,
  routeComments,
] as const;

function writeResponse(res: ServerResponse, response: GraphResponse): void {
  if ('json' in response) sendJson(res, response.status, response.json, response.headers);
  else sendBytes(res, response.status, response.bytes, response.contentType, response.headers);
}

function errorResponse(error: GraphError): GraphResponse {
  return { status: error.status, json: error.body, headers: error.headers };
}

function match(graphReq: GraphRequest, ctx: SandboxContext): RouteMatch {
  for (const route of ROUTES) {
    const found = route(graphReq, ctx);
    if (found) return found;
  }
  throw graphReq.edge === null || !isKnownObject(graphReq.id, ctx)
    ? unknownObjectError(graphReq.id, graphReq.method)
    : new GraphError(2500, { message: `Unknown path components: /${graphReq.edge}` });
}

function isKnownObject(id: string, ctx: SandboxContext): boolean {
  return (
    ctx.assets.list().some((a) => assetId(a) === id || (a.channel === 'whatsapp' && a.wabaId === id)) ||
    ctx.state.comments.has(id) ||
    ctx.state.messagingCustomers.has(id) ||
    ctx.media.get(id) !== undefined
  );
}

async function parseRequest(req: IncomingMessage, url: URL): Promise<GraphRequest> {
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      throw new GraphError(100, { status: 413, message: 'Request body is too large' });
    throw error;
  }
  const contentType = req.headers['content-type'] ?? '';
  let params: Record<string, unknown>;
  try {
    params = graphParams(url, rawBody, contentType);
  } catch {
    throw new GraphError(100, { message: 'The request body is not valid JSON' });
  }
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const version = segments[0] && /^v\d+\.\d+$/.test(segments[0]) ? (segments.shift() ?? null) : null;
  const [id, edge, ...extra] = segments;
  if (!id || extra.length > 0) {
    throw new GraphError(2500, { message: `Unknown path components: /${extra.join('/')}` });
  }
  return {
    method: req.method ?? 'GET',
    url,
    version,
    id,
    edge: edge ?? null,
    params,
    rawBody,
    contentType,
    token: accessTokenOf(req, params),
  };
}

/**
 * Answers one Graph API call: parse → route → faults (delay, then an error or send effects)
 * → token check → handler → answer (or a destroyed connection for `drop-response`).
 */
export async function handleGraphRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: SandboxContext,
): Promise<void> {
  const started = ctx.clock();
  const logLine = (operation: string | null, status: number, extra: Record<string, unknown> = {}): void =>
    ctx.log({
      event: 'graph',
      method: req.method,
      path: url.pathname,
      operation,
      status,
      ms: ctx.clock() - started,
      ...extra,
    });
  let operation: string | null = null;
  try {
    let route: RouteMatch;
    let token: string | null;
    if (url.pathname.startsWith('/whatsapp_business/attachments')) {
      await readBody(req, BODY_LIMIT);
      route = routeMediaDownload(url, ctx);
      token = accessTokenOf(req, {});
    } else {
      const graphReq = await parseRequest(req, url);
      route = match(graphReq, ctx);
      token = graphReq.token;
    }
    operation = route.operation;
    const decision = ctx.faults.take(route.operation, route.assetId);
    if (decision.delayMs > 0) await ctx.timers.wait(decision.delayMs);
    const outcome = decision.outcome;
    const faults = decision.fired.length > 0 ? { faults: decision.fired } : {};
    if (outcome?.kind === 'http-error' || outcome?.kind === 'throttle' || outcome?.kind === 'graph-error') {
      const response = faultErrorResponse(outcome, route.operation, route.assetId);
      writeResponse(res, response);
      return logLine(operation, response.status, faults);
    }
    if (!route.authorize(token)) {
      const response = errorResponse(invalidTokenError());
      writeResponse(res, response);
      return logLine(operation, response.status, faults);
    }
    const effects: SendEffects = {
      ...(outcome?.kind === 'window-closed' ? { windowClosed: outcome.mode } : {}),
      ...(outcome?.kind === 'undeliverable' ? { undeliverable: outcome.mode } : {}),
      ...(decision.statusPlan ? { statusPlan: decision.statusPlan } : {}),
      ...(outcome?.kind === 'drop-response' ? { dropResponse: true } : {}),
    };
    const response = await route.handle(effects);
    if (effects.dropResponse) {
      req.socket.destroy();
      return logLine(operation, 0, { ...faults, dropped: true });
    }
    writeResponse(res, response);
    logLine(operation, response.status, faults);
  } catch (error) {
    const graphError =
      error instanceof GraphError
        ? error
        : new GraphError(1, { status: 500, message: 'An unknown error occurred' });
    if (!(error instanceof GraphError)) ctx.log({ event: 'graph.crash', error: String(error) });
    if (res.headersSent || res.destroyed) return;
    writeResponse(res, errorResponse(graphError));
    logLine(operation, graphError.status, { code: graphError.body.error.code });
  }
}
