import type { IncomingMessage, ServerResponse } from 'node:http';

/** Thrown by `readBody` when a request body exceeds the limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes`);
  }
}

/** Reads a request body into one buffer, refusing bodies larger than `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(limit));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a JSON answer (UTF-8, no escaping of non-ASCII). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(bytes.length),
    ...headers,
  });
  res.end(bytes);
}

/** Writes raw bytes with the given content type. */
export function sendBytes(
  res: ServerResponse,
  status: number,
  bytes: Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length), ...headers });
  res.end(bytes);
}

/**
 * The access token of a Graph call: `Authorization: Bearer …` first, then the `access_token`
 * query or body parameter (Meta accepts both; Messenger samples use the query string).
 */
export function accessTokenOf(req: IncomingMessage, params: Record<string, unknown>): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
    return match?.[1]?.trim() ?? null;
  }
  const fromParams = params.access_token;
  return typeof fromParams === 'string' && fromParams.length > 0 ? fromParams : null;
}

/**
 * Graph parameters of a request: the query string merged with a JSON or form-encoded body (the
 * body wins). Form and query values that hold JSON objects or arrays are decoded, as Graph does
 * for `recipient={"id":"…"}`.
 */
export function graphParams(url: URL, body: Buffer, contentType: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const addPairs = (pairs: URLSearchParams): void => {
    for (const [key, value] of pairs) params[key] = decodeFormValue(value);
  };
  addPairs(url.searchParams);
  if (body.length === 0) return params;
  if (contentType.includes('application/x-www-form-urlencoded')) {
    addPairs(new URLSearchParams(body.toString('utf8')));
    return params;
  }
  if (contentType.includes('multipart/form-data')) return params;
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (isRecord(parsed)) Object.assign(params, parsed);
  else throw new SyntaxError('The request body must be a JSON object');
  return params;
}

function decodeFormValue(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return value;
    }
  }
  return value;
}

/** Narrows an unknown value to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
