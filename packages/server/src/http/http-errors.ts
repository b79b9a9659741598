import { ERROR_CATALOG, type ErrorCode, type ErrorResponse, type FieldError } from '@charla/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../platform/errors.ts';

/** Spanish when the client prefers it, else English. */
export function preferredLanguage(request: FastifyRequest): 'en' | 'es' {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*es\b/i.test(header) ? 'es' : 'en';
}

function body(request: FastifyRequest, code: ErrorCode, fields?: FieldError[]): ErrorResponse {
  return {
    error: {
      code,
      message: ERROR_CATALOG[code][preferredLanguage(request)],
      ...(fields && fields.length > 0 ? { fields } : {}),
      requestId: request.id,
    },
  };
}

/** Sends a catalog error. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  fields?: FieldError[],
) {
  return reply.code(ERROR_CATALOG[code].status).send(body(request, code, fields));
}

function validationFields(error: FastifyError): FieldError[] {
  const context = error.validationContext ?? 'body';
  const location = context === 'querystring' ? 'query' : context;
  return (error.validation ?? []).map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = issue.keyword === 'required' && typeof issue.params?.missingProperty === 'string';
    const field = [location, path, missing ? String(issue.params.missingProperty) : '']
      .filter(Boolean)
      .join('.');
    return { field, message: issue.message ?? 'is not valid' };
  });
}

/** The one place where errors become HTTP responses. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(request, reply, error.code, error.fields);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendError(request, reply, 'VALIDATION_FAILED', validationFields(error));
    }
    switch (error.code) {
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(request, reply, 'PAYLOAD_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(request, reply, 'VALIDATION_FAILED', [
          { field: 'body', message: 'must be valid JSON' },
        ]);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(request, reply, 'VALIDATION_FAILED', [
          { field: 'content-type', message: 'must be application/json' },
        ]);
    }
    if (error.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, 'VALIDATION_FAILED', [{ field: 'request', message: error.message }]);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL');
  });
}
