import type { QuickReply } from '@charla/contracts';
import { mediaUrl } from '../media/store-media.ts';
import type { QuickReplyView } from './quick-replies.repo.ts';

export function presentQuickReply(row: QuickReplyView): QuickReply {
  return {
    id: row.id,
    shortcut: row.shortcut,
    title: row.title,
    text: row.body,
    media:
      row.media_id && row.media_mime_type
        ? {
            id: row.media_id,
            mimeType: row.media_mime_type,
            fileName: row.media_file_name,
            url: mediaUrl(row.media_id),
          }
        : null,
    scope: row.owner_member_id === null ? 'shared' : 'personal',
    ownerMemberId: row.owner_member_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
