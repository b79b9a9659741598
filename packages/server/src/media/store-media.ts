import type { Db } from '../db/client.ts';
import { newId } from '../platform/ids.ts';
import { sniffMimeType } from './content-sniffer.ts';
import { insertMedia, type MediaRow } from './media.repo.ts';
import type { MediaStorage } from './media-storage.ts';

/** Stores a file for a workspace; its type comes from its bytes (`declaredMime` only as a fallback). */
export async function storeMedia(
  db: Db,
  storage: MediaStorage,
  input: {
    workspaceId: string;
    bytes: Buffer;
    fileName: string | null;
    declaredMime?: string | null;
    now: number;
  },
): Promise<MediaRow> {
  const { sha256, key } = await storage.put(input.bytes);
  const row: MediaRow = {
    id: newId(),
    workspace_id: input.workspaceId,
    sha256,
    storage_key: key,
    mime_type: sniffMimeType(input.bytes, input.fileName) ?? input.declaredMime ?? 'application/octet-stream',
    size: input.bytes.length,
    file_name: input.fileName,
    created_at: input.now,
  };
  await insertMedia(db.kysely, row);
  return row;
}

/** The URL signed-in members download a stored file from. */
export function mediaUrl(id: string): string {
  return `/api/v1/media/${id}`;
}
