import { GraphError } from '../graph/graph-error.ts';
import type { Operation } from '../graph/graph-operation.ts';
import type { GraphResponse } from '../graph/graph-route.ts';
import type { FaultRule } from './fault-plan.ts';

type ErrorFault = Extract<FaultRule, { kind: 'http-error' | 'throttle' | 'graph-error' }>;

const WABA_MANAGEMENT = new Set<Operation>([
  'whatsapp.templates',
  'whatsapp.subscribed-apps',
  'whatsapp.phone-number',
  'whatsapp.business-account',
  'whatsapp.block-users',
]);

/** Whether an operation is answered by the WhatsApp Cloud API (errors carry `error_data`). */
export function isWhatsAppOperation(operation: Operation): boolean {
  return operation.startsWith('whatsapp.') || operation.startsWith('media.');
}

function defaultThrottleCode(operation: Operation): number {
  if (WABA_MANAGEMENT.has(operation)) return 80007;
  if (isWhatsAppOperation(operation)) return 130429;
  if (
    operation.startsWith('messenger.') ||
    operation.startsWith('instagram.') ||
    operation.startsWith('messaging.')
  ) {
    return 613;
  }
  return 4;
}

function usageHeaders(code: number, assetId: string | null, minutes: number): Record<string, string> {
  if (code === 4)
    return { 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 35, total_time: 42 }) };
  const type =
    code === 80007
      ? 'whatsapp_business_management'
      : code === 80002
        ? 'instagram'
        : code === 80001
          ? 'pages'
          : 'messenger';
  if (![613, 80001, 80002, 80006, 80007].includes(code)) return {};
  const usage = {
    [assetId ?? '0']: [
      { type, call_count: 100, total_cputime: 30, total_time: 40, estimated_time_to_regain_access: minutes },
    ],
  };
  return { 'x-business-use-case-usage': JSON.stringify(usage) };
}

/** The HTTP answer of an error fault, in the shape the operation's product uses. */
export function faultErrorResponse(
  rule: ErrorFault,
  operation: Operation,
  assetId: string | null,
): GraphResponse {
  const whatsapp = isWhatsAppOperation(operation);
  switch (rule.kind) {
    case 'http-error': {
      if (rule.body === 'html') {
        const page = `<html><head><title>${rule.status}</title></head><body><h1>${rule.status} Server Error</h1></body></html>`;
        return { status: rule.status, bytes: Buffer.from(page), contentType: 'text/html; charset=utf-8' };
      }
      if (rule.body === 'empty')
        return { status: rule.status, bytes: Buffer.alloc(0), contentType: 'text/plain' };
      const error =
        rule.status === 500 && whatsapp
          ? new GraphError(131000, { whatsapp })
          : new GraphError(2, {
              whatsapp,
              status: rule.status,
              message:
                rule.status === 503
                  ? 'Service temporarily unavailable'
                  : 'An unexpected error has occurred. Please retry your request later.',
            });
      return { status: error.status, json: error.body };
    }
    case 'throttle': {
      const code = rule.code ?? defaultThrottleCode(operation);
      const error = new GraphError(code, {
        whatsapp,
        ...(rule.status === undefined ? {} : { status: rule.status }),
        headers: usageHeaders(code, assetId, rule.regainAccessMinutes),
      });
      return { status: error.status, json: error.body, headers: error.headers };
    }
    case 'graph-error': {
      const error = new GraphError(rule.code, {
        whatsapp,
        ...(rule.subcode === undefined ? {} : { subcode: rule.subcode }),
        ...(rule.status === undefined ? {} : { status: rule.status }),
        ...(rule.message === undefined ? {} : { message: rule.message }),
        ...(rule.details === undefined ? {} : { details: rule.details }),
      });
      return { status: error.status, json: error.body };
    }
  }
}
