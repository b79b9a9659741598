import type {
  Attachment,
  Conversation,
  Message,
  MessageAuthor,
  MessageContent,
  SendMessageRequest,
} from '@charla/contracts';
import { PENDING_ID_PREFIX } from './thread-rows.ts';

/** What the composer hands over: the parts of a message before it has an id. */
export type Outgoing =
  | { type: 'text'; text: string; replyTo: Message | null }
  | { type: 'note'; text: string }
  | { type: 'media'; file: File; caption: string; replyTo: Message | null }
  | {
      type: 'template';
      templateName: string;
      language: string;
      parameters: string[];
      previewText: string;
      /** The file of an image, video or document header. */
      header: { kind: MediaHeader; file: File } | null;
    };

type MediaHeader = NonNullable<Extract<MessageContent, { kind: 'template' }>['mediaHeader']>;

/** The file an outgoing message uploads before it is sent, if any. */
export function fileToUpload(outgoing: Outgoing): File | null {
  if (outgoing.type === 'media') return outgoing.file;
  if (outgoing.type === 'template') return outgoing.header?.file ?? null;
  return null;
}

function pendingAttachment(file: File, caption: string | null, previewUrl: string | null): Attachment {
  return {
    mediaId: null,
    mimeType: file.type,
    fileName: file.name,
    size: file.size,
    caption,
    url: previewUrl,
  };
}

/** The error code an optimistic copy carries when the request never got an answer. */
export const UNSENT_ERROR_CODE = 'unsent';

const MEDIA_KINDS = ['image', 'video', 'audio'] as const;

function mediaContent(mimeType: string): Pick<Message, 'kind' | 'content'> {
  const kind = MEDIA_KINDS.find((candidate) => mimeType.startsWith(`${candidate}/`));
  if (kind === 'audio') return { kind, content: { kind, voice: false } };
  if (kind) return { kind, content: { kind } };
  return { kind: 'document', content: { kind: 'document' } };
}

/** What the thread shows at once, as queued, until the server's copy replaces it. */
export function optimisticMessage(
  outgoing: Outgoing,
  clientId: string,
  conversation: Pick<Conversation, 'id'>,
  author: Extract<MessageAuthor, { type: 'member' }>,
  previewUrl: string | null,
  now: number,
): Message {
  const base = {
    id: `${PENDING_ID_PREFIX}${clientId}`,
    conversationId: conversation.id,
    attachments: [] as Attachment[],
    replyTo: null as Message['replyTo'],
    reactions: [],
    author,
    clientId,
    createdAt: now,
    updatedAt: now,
  };
  const queued = { state: 'queued' as const, errorCode: null, errorReason: null };
  const quote = (message: Message | null) =>
    message ? { messageId: message.id, preview: message.text ?? '' } : null;
  switch (outgoing.type) {
    case 'text':
      return {
        ...base,
        direction: 'outbound',
        kind: 'text',
        text: outgoing.text,
        content: { kind: 'text' },
        replyTo: quote(outgoing.replyTo),
        delivery: queued,
      };
    case 'note':
      return {
        ...base,
        direction: 'internal',
        kind: 'note',
        text: outgoing.text,
        content: { kind: 'note' },
        delivery: null,
      };
    case 'media': {
      const { file } = outgoing;
      return {
        ...base,
        direction: 'outbound',
        ...mediaContent(file.type),
        text: outgoing.caption || null,
        attachments: [pendingAttachment(file, outgoing.caption || null, previewUrl)],
        replyTo: quote(outgoing.replyTo),
        delivery: queued,
      };
    }
    case 'template':
      return {
        ...base,
        direction: 'outbound',
        kind: 'template',
        text: outgoing.previewText,
        content: {
          kind: 'template',
          name: outgoing.templateName,
          language: outgoing.language,
          parameters: outgoing.parameters,
          parameterNames: null,
          mediaHeader: outgoing.header?.kind ?? null,
        },
        attachments: outgoing.header ? [pendingAttachment(outgoing.header.file, null, previewUrl)] : [],
        delivery: queued,
      };
  }
}

/** The request body for an outgoing message (media and header files once uploaded). */
export function sendRequestFor(
  outgoing: Outgoing,
  clientId: string,
  mediaId: string | null,
): SendMessageRequest {
  switch (outgoing.type) {
    case 'text':
      return {
        type: 'text',
        clientId,
        text: outgoing.text,
        ...(outgoing.replyTo ? { replyToMessageId: outgoing.replyTo.id } : {}),
      };
    case 'note':
      return { type: 'note', clientId, text: outgoing.text };
    case 'media':
      if (!mediaId) throw new Error('a media message is sent only after its upload');
      return {
        type: 'media',
        clientId,
        mediaId,
        ...(outgoing.caption ? { caption: outgoing.caption } : {}),
        ...(outgoing.replyTo ? { replyToMessageId: outgoing.replyTo.id } : {}),
      };
    case 'template':
      return {
        type: 'template',
        clientId,
        templateName: outgoing.templateName,
        language: outgoing.language,
        parameters: outgoing.parameters,
        ...(mediaId ? { headerMediaId: mediaId } : {}),
      };
  }
}
