import { ERROR_CATALOG, type ErrorCode, type FieldError } from '@charla/contracts';

/**
 * A domain error from the catalog. Domain code throws these; `platform/http-errors.ts` turns
 * them into HTTP responses in one place.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    options: { fields?: FieldError[]; detail?: string; cause?: unknown } = {},
  ) {
    super(options.detail ?? ERROR_CATALOG[code].en, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_CATALOG[code].status;
    this.fields = options.fields;
  }

  readonly fields: FieldError[] | undefined;
}

/** A validation error on one field, named the way the API client sent it (`body.email`). */
export function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: [{ field, message }] });
}

/** Compile-time exhaustiveness for discriminated unions. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
