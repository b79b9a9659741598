import { GraphError, unknownObjectError } from '../graph/graph-error.ts';
import type { GraphRequest, GraphResponse, RouteMatch } from '../graph/graph-route.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import type { StoredMedia } from './media-store.ts';

const MB = 1024 * 1024;

/** MIME types and size limits the Cloud API accepts for upload (reference §2.9). */
export const WHATSAPP_MEDIA_LIMITS: Record<string, number> = {
  'audio/aac': 16 * MB,
  'audio/amr': 16 * MB,
  'audio/mpeg': 16 * MB,
  'audio/mp4': 16 * MB,
  'audio/ogg': 16 * MB,
  'text/plain': 100 * MB,
  'application/pdf': 100 * MB,
  'application/msword': 100 * MB,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
  'application/vnd.ms-excel': 100 * MB,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
  'application/vnd.ms-powerpoint': 100 * MB,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
  'image/jpeg': 5 * MB,
  'image/png': 5 * MB,
  'image/webp': 500 * 1024,
  'video/mp4': 16 * MB,
  'video/3gpp': 16 * MB,
};

/** Reads a multipart body with the platform's own parser. */
export async function readMultipart(req: GraphRequest): Promise<FormData> {
  if (!req.contentType.includes('multipart/form-data')) {
    throw new GraphError(100, { whatsapp: true, details: 'The request must be multipart/form-data' });
  }
  const request = new Request('http://sandbox.local/', {
    method: 'POST',
    headers: { 'content-type': req.contentType },
    body: new Uint8Array(req.rawBody),
  });
  return request.formData();
}

async function upload(req: GraphRequest, ctx: SandboxContext, phoneNumberId: string): Promise<GraphResponse> {
  const form = await readMultipart(req);
  if (form.get('messaging_product') !== 'whatsapp') {
    throw new GraphError(131008, { whatsapp: true, details: 'The parameter messaging_product is required.' });
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) {
    throw new GraphError(131008, { whatsapp: true, details: 'The parameter file is required.' });
  }
  const declared = form.get('type');
  const mimeType = (typeof declared === 'string' && declared ? declared : file.type).trim();
  const baseType = mimeType.split(';')[0]?.trim() ?? '';
  const limit = WHATSAPP_MEDIA_LIMITS[baseType];
  if (limit === undefined) {
    throw new GraphError(131053, {
      whatsapp: true,
      details: `Param file must be a file with one of the following types: ${Object.keys(WHATSAPP_MEDIA_LIMITS).join(', ')}. Received file of type '${mimeType}'.`,
    });
  }
  if (file.size > limit) {
    throw new GraphError(131053, {
      whatsapp: true,
      details: `File of ${file.size} bytes exceeds ${limit} bytes for ${baseType}.`,
    });
  }
  const filename = file instanceof File && file.name ? file.name : undefined;
  const media = ctx.media.put({
    id: ctx.ids.numeric(16),
    bytes: Buffer.from(await file.arrayBuffer()),
    mimeType,
    ...(filename ? { filename } : {}),
    ownerId: phoneNumberId,
    origin: 'upload',
    createdAt: ctx.clock(),
  });
  ctx.state.recordSent({
    id: media.id,
    channel: 'whatsapp',
    operation: 'whatsapp.media-upload',
    assetId: phoneNumberId,
    recipient: null,
    payload: {
      mimeType,
      fileSize: media.fileSize,
      filename: media.filename ?? null,
      sha256: media.sha256Hex,
    },
    at: media.createdAt,
    responseDropped: false,
  });
  return { status: 200, json: { id: media.id } };
}

function tokenOfOwner(ctx: SandboxContext, media: StoredMedia): string | undefined {
  return (
    ctx.assets.whatsappByPhoneNumberId(media.ownerId)?.token ??
    ctx.assets.messengerByPageId(media.ownerId)?.token ??
    ctx.assets.instagramById(media.ownerId)?.token
  );
}

/** `POST /{phone-number-id}/media`, `GET /{media-id}` and `DELETE /{media-id}`. */
export function routeMedia(req: GraphRequest, ctx: SandboxContext): RouteMatch | null {
  if (req.edge === 'media' && req.method === 'POST') {
    const asset = ctx.assets.whatsappByPhoneNumberId(req.id);
    if (!asset) return null;
    return {
      operation: 'whatsapp.media-upload',
      assetId: asset.phoneNumberId,
      authorize: (token) => token === asset.token,
      handle: () => upload(req, ctx, asset.phoneNumberId),
    };
  }
  const media = ctx.media.get(req.id);
  if (!media || req.edge !== null || (req.method !== 'GET' && req.method !== 'DELETE')) return null;
  const authorize = (token: string | null): boolean => token !== null && token === tokenOfOwner(ctx, media);
  const wanted = req.params.phone_number_id;
  const check = (): void => {
    if (typeof wanted === 'string' && wanted !== media.ownerId)
      throw unknownObjectError(media.id, req.method);
  };
  if (req.method === 'DELETE') {
    return {
      operation: 'media.delete',
      assetId: media.ownerId,
      authorize,
      handle: () => {
        check();
        ctx.media.delete(media.id);
        return { status: 200, json: { success: true } };
      },
    };
  }
  return {
    operation: 'media.get',
    assetId: media.ownerId,
    authorize,
    handle: () => {
      check();
      return {
        status: 200,
        json: {
          messaging_product: 'whatsapp',
          url: ctx.media.whatsappUrl(ctx.baseUrl(), media, ctx.clock() + ctx.config.mediaUrlTtlMs),
          mime_type: media.mimeType,
          sha256: media.sha256Hex,
          file_size: media.fileSize,
          id: media.id,
        },
      };
    },
  };
}

/**
 * `GET /whatsapp_business/attachments/?mid=…`: the download behind a media URL. It needs the
 * owner's Bearer token (190 otherwise) and answers 404 once the URL has expired.
 */
export function routeMediaDownload(url: URL, ctx: SandboxContext): RouteMatch {
  const checked = ctx.media.checkWhatsAppUrl(url, ctx.clock());
  const media = typeof checked === 'string' ? undefined : checked;
  return {
    operation: 'media.download',
    assetId: media?.ownerId ?? null,
    authorize: (token) => media === undefined || (token !== null && token === tokenOfOwner(ctx, media)),
    handle: () => {
      if (!media) {
        const error = new GraphError(100, {
          status: 404,
          message: `Media URL is ${checked === 'expired' ? 'expired' : 'not valid'}`,
        });
        return { status: 404, json: error.body };
      }
      return {
        status: 200,
        bytes: media.bytes,
        contentType: media.mimeType,
        headers: { 'content-disposition': `attachment; filename=${media.filename ?? media.id}` },
      };
    },
  };
}

/** `GET /cdn/<id>/<name>?oe=&oh=`: public, expiring attachment and avatar URLs. */
export function serveCdn(url: URL, ctx: SandboxContext): GraphResponse {
  const id = url.pathname.split('/')[2] ?? '';
  const checked = ctx.media.checkCdnUrl(url, id, ctx.clock());
  if (typeof checked === 'string') {
    return {
      status: checked === 'expired' ? 403 : 404,
      bytes: Buffer.from('URL signature expired'),
      contentType: 'text/plain',
    };
  }
  return {
    status: 200,
    bytes: checked.bytes,
    contentType: checked.mimeType,
    headers: { 'cache-control': 'max-age=1209600' },
  };
}
