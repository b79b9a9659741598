import type { StatusPlanPatch } from '../statuses/status-plan.ts';
import type { Operation } from './graph-operation.ts';

/** A parsed Graph API call: `/{version}/{id}/{edge}` plus merged parameters. */
export interface GraphRequest {
  method: string;
  url: URL;
  /** `v21.0` etc., or null when the path has no version segment. */
  version: string | null;
  id: string;
  edge: string | null;
  /** Query string merged with a JSON or form body. */
  params: Record<string, unknown>;
  rawBody: Buffer;
  contentType: string;
  token: string | null;
}

/** A Graph answer: JSON or raw bytes (media downloads). */
export type GraphResponse =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; contentType: string; headers?: Record<string, string> };

/** Send-time effects decided by faults, applied by the send handlers. */
export interface SendEffects {
  windowClosed?: 'sync' | 'async';
  undeliverable?: 'sync' | 'async';
  statusPlan?: StatusPlanPatch;
  /** The answer will be dropped: recorded sends are flagged `responseDropped`. */
  dropResponse?: boolean;
}

/** A route that recognised a request: what it is, who may call it, and how to answer. */
export interface RouteMatch {
  operation: Operation;
  /** The asset the call acts on (fault targeting), when known before authorisation. */
  assetId: string | null;
  /** Whether the token may make this call. */
  authorize(token: string | null): boolean;
  handle(effects: SendEffects): Promise<GraphResponse> | GraphResponse;
}

/** `{success: true}`, the answer of most management calls. */
export function success(): GraphResponse {
  return { status: 200, json: { success: true } };
}

/** Graph's version of a request as a number (21.0 → 21), or null without a version. */
export function graphMajorVersion(version: string | null): number | null {
  const match = version ? /^v(\d+)\./.exec(version) : null;
  return match?.[1] ? Number(match[1]) : null;
}
