import { randomBytes } from 'node:crypto';

/** The body of a Graph API error answer (reference §2.10, §3.8). */
export interface GraphErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_user_title?: string;
    error_user_msg?: string;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    is_transient?: boolean;
    fbtrace_id: string;
  };
}

/** The error object WhatsApp puts in `statuses[].errors[]`, `messages[].errors[]` and `value.errors[]`. */
export interface WhatsAppErrorObject {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

interface CatalogEntry {
  title: string;
  status: number;
  details?: string;
  type?: string;
  transient?: boolean;
}

/**
 * Titles, HTTP statuses and default details of the codes the sandbox produces. Statuses follow
 * the WhatsApp error-code table (190 → 401, 10 → 403, 131000 → 500, 2 → 503, 132001 → 404,
 * most others 400).
 */
const CATALOG: Record<number, CatalogEntry> = {
  0: { title: 'AuthException', status: 401 },
  1: { title: 'An unknown error occurred', status: 400, transient: true },
  2: { title: 'Service temporarily unavailable', status: 503, transient: true },
  4: { title: 'Application request limit reached', status: 400, transient: true },
  10: { title: 'This message is sent outside of allowed window.', status: 400 },
  17: { title: 'User request limit reached', status: 400, transient: true },
  32: { title: 'Page request limit reached', status: 400, transient: true },
  100: { title: 'Invalid parameter', status: 400 },
  190: { title: 'Invalid OAuth access token - Cannot parse access token', status: 401 },
  551: { title: "This person isn't available right now.", status: 400 },
  613: { title: 'Calls to this api have exceeded the rate limit.', status: 400, transient: true },
  2500: { title: 'Unknown path components', status: 400 },
  80001: { title: 'There have been too many calls to this Page account.', status: 400, transient: true },
  80002: { title: 'There have been too many calls to this Instagram account.', status: 400, transient: true },
  80006: { title: 'There have been too many messages sent to this Messenger account.', status: 400 },
  80007: {
    title: 'There have been too many calls to this WhatsApp Business account. Wait a bit and try again.',
    status: 400,
    transient: true,
  },
  130403: { title: 'Business has blocked this user', status: 400 },
  130429: { title: 'Rate limit hit', status: 400, details: 'Cloud API message throughput has been reached.' },
  131000: {
    title: 'Something went wrong',
    status: 500,
    details: 'Message failed to send due to an unknown error.',
    transient: true,
  },
  131008: { title: 'Required parameter is missing', status: 400 },
  131009: { title: 'Parameter value is not valid', status: 400 },
  131021: { title: 'Recipient cannot be sender', status: 400 },
  131026: {
    title: 'Message undeliverable',
    status: 400,
    details: 'Message Undeliverable.',
  },
  131047: {
    title: 'Re-engagement message',
    status: 400,
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  131051: { title: 'Message type unknown', status: 400, details: 'Message type is currently not supported.' },
  131053: {
    title: 'Media upload error',
    status: 400,
    details: 'Unable to retrieve the media for this message.',
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    status: 400,
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  },
  132000: { title: 'Number of parameters does not match the expected number of params', status: 400 },
  132001: { title: 'Template name does not exist in the translation', status: 404 },
  132012: { title: 'Parameter format does not match format in the created template', status: 400 },
};

const HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

/** The catalog title of a code, or a generic one for codes the sandbox does not know. */
export function graphErrorTitle(code: number): string {
  return CATALOG[code]?.title ?? 'An unknown error occurred';
}

/** Options of a Graph error answer. */
export interface GraphErrorOptions {
  /** Adds `error_data: {messaging_product: "whatsapp", details}` as the Cloud API does. */
  whatsapp?: boolean;
  details?: string;
  subcode?: number;
  /** Overrides the catalog text after `(#code) `. */
  message?: string;
  /** Overrides the catalog HTTP status. */
  status?: number;
  headers?: Record<string, string>;
}

/** A Graph error ready to be written as an HTTP answer. Handlers throw it; the router writes it. */
export class GraphError extends Error {
  readonly status: number;
  readonly body: GraphErrorBody;
  readonly headers: Record<string, string>;

  constructor(code: number, options: GraphErrorOptions = {}) {
    const entry = CATALOG[code];
    const text = options.message ?? entry?.title ?? 'An unknown error occurred';
    super(`(#${code}) ${text}`);
    this.status = options.status ?? entry?.status ?? 400;
    this.headers = options.headers ?? {};
    const details = options.details ?? entry?.details;
    this.body = {
      error: {
        message: code === 190 ? text : `(#${code}) ${text}`,
        type: entry?.type ?? 'OAuthException',
        code,
        ...(options.subcode === undefined ? {} : { error_subcode: options.subcode }),
        ...(options.whatsapp
          ? { error_data: { messaging_product: 'whatsapp', details: details ?? text } }
          : {}),
        ...(entry?.transient ? { is_transient: true } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    };
  }
}

/** The OAuthException 190 answer for a missing or wrong access token. */
export function invalidTokenError(): GraphError {
  return new GraphError(190, {
    headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token"' },
  });
}

/** Graph's answer for an id it does not know or cannot act on (code 100, subcode 33). */
export function unknownObjectError(id: string, method: string): GraphError {
  return new GraphError(100, {
    subcode: 33,
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
}

/** The WhatsApp webhook error object for a code (status `failed`, inbound `errors`, `value.errors`). */
export function whatsappErrorObject(code: number, details?: string): WhatsAppErrorObject {
  const entry = CATALOG[code];
  const title = entry?.title ?? 'An unknown error occurred';
  return {
    code,
    title,
    message: title,
    error_data: { details: details ?? entry?.details ?? title },
    href: HREF,
  };
}
