import { uuidv7 } from 'uuidv7';

/** A new sortable id (UUIDv7): time-ordered, so primary-key indexes stay append-mostly. */
export function newId(): string {
  return uuidv7();
}
