import { AppError } from '../platform/errors.ts';

/** Position in the list: the last row's activity time and id (keyset pagination, never offset). */
export interface ListPosition {
  at: number;
  id: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): ListPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string') {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the catalog error below.
  }
  throw new AppError('INVALID_CURSOR', {
    fields: [{ field: 'query.cursor', message: 'is not a cursor this API gave out' }],
  });
}
