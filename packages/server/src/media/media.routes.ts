import {
  errorResponseSchema,
  mediaParamsSchema,
  mediaSchema,
  mediaUploadQuerySchema,
} from '@charla/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findChannel } from '../channels/channels.repo.ts';
import type { AppDeps } from '../http/deps.ts';
import { actorOf } from '../http/request-auth.ts';
import { AppError } from '../platform/errors.ts';
import { findMedia, type MediaRow } from './media.repo.ts';
import { mediaRuleFor } from './media-limits.ts';
import { mediaUrl, storeMedia } from './store-media.ts';

/** Largest upload accepted at all (WhatsApp documents); each channel has its own lower limits. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  413: errorResponseSchema,
};

function presentMedia(row: MediaRow) {
  return {
    id: row.id,
    mimeType: row.mime_type,
    size: row.size,
    fileName: row.file_name,
    url: mediaUrl(row.id),
  };
}

/** Upload a file (multipart field `file`) and download stored files, for signed-in members only. */
export function mediaRoutes({ db, clock, mediaStorage }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', app.requireAuth);

    app.post(
      '/media',
      {
        schema: {
          tags: ['media'],
          summary: 'Upload a file (multipart/form-data, field "file"); its type is read from its content',
          querystring: mediaUploadQuerySchema,
          response: { 201: mediaSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!request.isMultipart()) {
          throw new AppError('VALIDATION_FAILED', {
            fields: [{ field: 'body', message: 'must be multipart/form-data with a "file" field' }],
          });
        }
        const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
        if (file?.fieldname !== 'file') {
          throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', message: 'is required' }] });
        }
        const bytes = await file.toBuffer();
        if (bytes.length === 0)
          throw new AppError('VALIDATION_FAILED', { fields: [{ field: 'file', message: 'is empty' }] });
        const row = await storeMedia(db, mediaStorage, {
          workspaceId: actor.workspaceId,
          bytes,
          fileName: file.filename || null,
          declaredMime: null,
          now: clock.now(),
        });
        if (request.query.channelId) {
          const channel = await findChannel(db.kysely, actor.workspaceId, request.query.channelId);
          if (!channel) throw new AppError('CHANNEL_NOT_FOUND');
          const rule = mediaRuleFor(channel.type, row.mime_type, row.size);
          if (!rule.ok)
            throw new AppError('MEDIA_NOT_ALLOWED', { fields: [{ field: 'file', message: rule.reason }] });
        }
        return reply.code(201).send(presentMedia(row));
      },
    );

    app.get(
      '/media/:mediaId',
      { schema: { tags: ['media'], summary: 'Download a stored file', params: mediaParamsSchema } },
      async (request, reply) => {
        const row = await findMedia(db.kysely, actorOf(request).workspaceId, request.params.mediaId);
        if (!row) throw new AppError('MEDIA_NOT_FOUND');
        const inline = /^(image|video|audio)\//.test(row.mime_type);
        const name = encodeURIComponent(row.file_name ?? row.id);
        return reply
          .header('content-type', row.mime_type)
          .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header('x-content-type-options', 'nosniff')
          .send(await mediaStorage.get(row.storage_key));
      },
    );
  };
}
