import { ERROR_CATALOG } from 'virtual:charla/contract-values';
import type { ErrorCode, FieldError } from '@charla/contracts';
import i18next from 'i18next';
import { toSupportedLanguage } from '../i18n/language.ts';

/** Every API path is relative to this prefix; the SPA is served from the same origin. */
export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The session's CSRF token, sent back as `x-csrf-token` on every write. It arrives with the
 * MeResponse of setup, login and `GET /me`, which the endpoint functions hand to `setCsrfToken`.
 */
let csrfToken: string | null = null;

/** Remembers (or forgets, on sign-out) the token the server issued for this session. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * A failed API call. `code` is a catalog code when the server answered with the standard error
 * body; `null` when the network failed (`status` 0) or the answer was not Charla's JSON.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | null;
  readonly fields: readonly FieldError[];

  constructor(status: number, code: ErrorCode | null, message: string, fields: readonly FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOG, value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.field === 'string' && typeof item.message === 'string'
      ? [{ field: item.field, message: item.message }]
      : [],
  );
}

/** Reads `{error:{code,message,fields}}` from a failed response, tolerating anything else. */
async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error || !isErrorCode(error.code)) {
    return new ApiError(response.status, null, `HTTP ${response.status} from ${response.url}`);
  }
  const message = typeof error.message === 'string' ? error.message : error.code;
  return new ApiError(response.status, error.code, message, toFieldErrors(error.fields));
}

/**
 * Sends one request with the session cookie (and CSRF token on writes); throws ApiError.
 * A `FormData` body goes as multipart (uploads); anything else as JSON.
 */
export async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  // The server words its messages (import problems, catalog errors) in the UI's language.
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': toSupportedLanguage(i18next.language),
  };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: multipart ? body : body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null, `Network error on ${method} ${path}`);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Sends a request and returns its JSON body, typed by the contract the caller names. */
export async function requestJson<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  const data: T = await response.json();
  return data;
}
