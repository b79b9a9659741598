import type { Media, QuickReply } from '@charla/contracts';
import { requestJson, send } from '../../shared/api/client.ts';

/** What the quick reply form sends (the file is uploaded first, then named by its id). */
export type QuickReplyInput = {
  shortcut: string;
  title: string;
  text: string;
  mediaId: string | null;
  scope?: 'personal' | 'shared';
};

const replyPath = (quickReplyId: string) => `/quick-replies/${encodeURIComponent(quickReplyId)}`;

/** Saved replies: the member's own and the workspace's shared ones. */
export const quickRepliesApi = {
  list: async (query = ''): Promise<QuickReply[]> =>
    (
      await requestJson<{ items: QuickReply[] }>(
        'GET',
        query ? `/quick-replies?q=${encodeURIComponent(query)}` : '/quick-replies',
      )
    ).items,
  create: (body: QuickReplyInput) => requestJson<QuickReply>('POST', '/quick-replies', body),
  update: (quickReplyId: string, body: Omit<QuickReplyInput, 'scope'>) =>
    requestJson<QuickReply>('PATCH', replyPath(quickReplyId), body),
  remove: async (quickReplyId: string) => {
    await send('DELETE', replyPath(quickReplyId));
  },
  /** Uploads the reply's file; the server checks it by its content. */
  uploadFile: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return requestJson<Media>('POST', '/media', form);
  },
};
