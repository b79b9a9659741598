import type { z } from 'zod';
import { isRecord } from '../platform/http-io.ts';
import { GraphError } from './graph-error.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current) && typeof key === 'string') current = current[key];
    else return undefined;
  }
  return current;
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `[${key}]` : String(key)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/**
 * Validates Graph parameters. A failure becomes the error Meta would send: for WhatsApp
 * 131008 (missing) or 100 with `error_data.details` naming the field, for Messenger and
 * Instagram `(#100) param <name> …`.
 */
export function parseGraphParams<T extends z.ZodType>(
  schema: T,
  params: Record<string, unknown>,
  product: 'whatsapp' | 'messaging',
): z.output<T> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? pathText(issue.path) : '';
  const missing = issue !== undefined && issue.path.length > 0 && valueAt(params, issue.path) === undefined;
  const reason = issue?.message ?? 'is not valid';
  if (product === 'whatsapp') {
    if (missing)
      return throwError(
        new GraphError(131008, { whatsapp: true, details: `The parameter ${path} is required.` }),
      );
    return throwError(
      new GraphError(100, { whatsapp: true, details: `Param ${path || 'body'} is not valid: ${reason}` }),
    );
  }
  const message = missing
    ? `param ${path} must be non-empty.`
    : `param ${path || 'body'} is not valid: ${reason}`;
  return throwError(new GraphError(100, { message }));
}

function throwError(error: GraphError): never {
  throw error;
}
