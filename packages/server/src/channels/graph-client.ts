import { z } from 'zod';

/** A Graph API error, classified by its code (never by its text) into retry or give up. */
export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly httpStatus: number,
    readonly code: number | null,
    readonly detail: string,
    readonly fbtraceId: string | null,
  ) {
    super(`Graph API ${httpStatus}${code !== null ? ` (#${code})` : ''}: ${detail}`);
  }

  /** Temporary failures and throttling (reference §2.10, §6): worth retrying with backoff. */
  get retryable(): boolean {
    if (this.httpStatus === 0 || this.httpStatus >= 500 || this.httpStatus === 429) return true;
    return this.code !== null && RETRYABLE_CODES.has(this.code);
  }

  /** Suggested wait for throttling codes, longer than a plain retry. */
  get retryAfterMs(): number | null {
    // No answer: Meta may have accepted the send. Wait long enough for its status webhook (which
    // carries our id) to settle the message before any retry, so it is not sent twice.
    if (this.httpStatus === 0) return 30_000;
    if (this.code === 4 || this.code === 80007 || this.code === 613) return 60_000;
    if (this.code === 130429) return 2_000;
    if (this.code === 131056) return 4_000;
    if (this.code === 131057) return 60_000;
    return null;
  }
}

const RETRYABLE_CODES = new Set([
  1, 2, 4, 17, 32, 341, 613, 80007, 130429, 131000, 131016, 131056, 131057, 133004,
]);

const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_data: z.object({ details: z.string().optional() }).partial().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

/**
 * A minimal Graph API client: JSON in, JSON out, with a timeout. The base URL (version
 * included) comes from META_GRAPH_URL, which is how the sandbox stands in for Meta.
 */
export class GraphClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async request(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    token: string,
    body?: unknown,
  ): Promise<unknown> {
    const json = body === undefined ? undefined : JSON.stringify(body);
    return this.send(
      method,
      path,
      token,
      json,
      json === undefined ? {} : { 'content-type': 'application/json' },
    );
  }

  /** A multipart upload (media to WhatsApp, attachments to Pages). */
  async upload(path: string, token: string, form: FormData): Promise<unknown> {
    return this.send('POST', path, token, form, {});
  }

  private async send(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    token: string,
    body: string | FormData | undefined,
    headers: Record<string, string>,
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/$/, '')}/${path.replace(/^\//, '')}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...headers },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // No answer: the request may or may not have been accepted.
      throw new GraphError(0, null, error instanceof Error ? error.message : String(error), null);
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const parsed = graphErrorSchema.safeParse(json);
      const error = parsed.success ? parsed.data.error : null;
      throw new GraphError(
        response.status,
        error?.code ?? null,
        error?.error_data?.details ?? error?.message ?? (text.slice(0, 300) || response.statusText),
        error?.fbtrace_id ?? null,
      );
    }
    return json;
  }
}
