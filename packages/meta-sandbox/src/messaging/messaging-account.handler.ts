import { assetId } from '../assets/asset-registry.ts';
import { GraphError } from '../graph/graph-error.ts';
import { type GraphRequest, type GraphResponse, type RouteMatch, success } from '../graph/graph-route.ts';
import { readMultipart } from '../media/media.handler.ts';
import { isRecord } from '../platform/http-io.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import type { MessagingCustomer } from '../state/sandbox-state.ts';
import { selectFields } from '../whatsapp/whatsapp-account.handler.ts';
import { type MessagingAsset, resolveMessagingAsset, tokensOf } from './messaging-asset.resolver.ts';

const MESSENGER_PROFILE_FIELDS = ['first_name', 'last_name', 'name', 'profile_pic', 'locale', 'timezone'];
const INSTAGRAM_PROFILE_FIELDS = [
  'name',
  'username',
  'profile_pic',
  'follower_count',
  'is_user_follow_business',
  'is_business_follow_user',
  'is_verified_user',
];

function profileOf(ctx: SandboxContext, customer: MessagingCustomer, fields: unknown): GraphResponse {
  const known = customer.channel === 'messenger' ? MESSENGER_PROFILE_FIELDS : INSTAGRAM_PROFILE_FIELDS;
  const requested =
    typeof fields === 'string' && fields.trim()
      ? fields.split(',').map((f) => f.trim())
      : customer.channel === 'messenger'
        ? ['first_name', 'last_name', 'profile_pic']
        : ['name', 'username', 'profile_pic'];
  const unknown = requested.find((f) => f !== 'id' && !known.includes(f));
  if (unknown) {
    throw new GraphError(100, {
      message: `Tried accessing nonexisting field (${unknown}) on node type (User)`,
    });
  }
  const avatar = ctx.media.get(`avatar-${customer.id}`);
  const profilePic = avatar
    ? ctx.media.cdnUrl(ctx.baseUrl(), avatar, ctx.clock() + 3 * 24 * 3600_000)
    : undefined;
  const all: Record<string, unknown> = {
    first_name: customer.firstName,
    last_name: customer.lastName,
    name: `${customer.firstName} ${customer.lastName}`.trim(),
    username: customer.username,
    ...(profilePic ? { profile_pic: profilePic } : {}),
    locale: /[áéíóúñ¿¡]/i.test(customer.firstName + customer.lastName) ? 'es_LA' : 'en_US',
    timezone: -5,
    follower_count: 120 + ((customer.id.length * 37) % 900),
    is_user_follow_business: true,
    is_business_follow_user: false,
    is_verified_user: false,
    id: customer.id,
  };
  return { status: 200, json: selectFields(all, requested.join(',')) };
}

function accountInfo(ctx: SandboxContext, asset: MessagingAsset, fields: unknown): GraphResponse {
  if (asset.channel === 'messenger') {
    const linked = ctx.assets.instagramByPageId(asset.pageId)[0];
    const info = {
      name: asset.name,
      id: asset.pageId,
      category: 'Shopping & retail',
      ...(linked ? { instagram_business_account: { id: linked.igAccountId } } : {}),
    };
    return {
      status: 200,
      json: typeof fields === 'string' ? selectFields(info, fields) : { name: info.name, id: info.id },
    };
  }
  const info = {
    id: asset.igAccountId,
    user_id: asset.igAccountId,
    username: asset.username,
    name: asset.name,
  };
  return { status: 200, json: selectFields(info, typeof fields === 'string' ? fields : 'username,name') };
}

function subscribedApps(req: GraphRequest, ctx: SandboxContext, asset: MessagingAsset): GraphResponse {
  const key = assetId(asset);
  if (req.method === 'POST') {
    const raw = req.params.subscribed_fields;
    const fields = Array.isArray(raw)
      ? raw.map(String)
      : typeof raw === 'string'
        ? raw.split(',').map((f) => f.trim())
        : [];
    if (fields.filter(Boolean).length === 0) {
      throw new GraphError(100, { message: 'param subscribed_fields must be non-empty.' });
    }
    ctx.state.subscriptions.set(key, fields.filter(Boolean));
    return success();
  }
  if (req.method === 'DELETE') {
    ctx.state.subscriptions.delete(key);
    return success();
  }
  const fields = ctx.state.subscriptions.get(key);
  const app = {
    category: 'Business',
    link: 'https://charla.example/',
    name: 'Charla',
    id: String(ctx.config.appId),
  };
  return { status: 200, json: { data: fields ? [{ ...app, subscribed_fields: fields }] : [] } };
}

async function uploadAttachment(
  req: GraphRequest,
  ctx: SandboxContext,
  asset: MessagingAsset,
): Promise<GraphResponse> {
  const form = await readMultipart(req);
  const file = form.get('filedata');
  const message = form.get('message');
  const parsed: unknown = typeof message === 'string' ? JSON.parse(message) : undefined;
  const attachment = isRecord(parsed) && isRecord(parsed.attachment) ? parsed.attachment : undefined;
  if (!(file instanceof Blob) || !attachment || typeof attachment.type !== 'string') {
    throw new GraphError(100, { message: 'param message.attachment and filedata are required.' });
  }
  const media = ctx.media.put({
    id: ctx.ids.numeric(16),
    bytes: Buffer.from(await file.arrayBuffer()),
    mimeType: file.type || 'application/octet-stream',
    ...(file instanceof File && file.name ? { filename: file.name } : {}),
    ownerId: assetId(asset),
    origin: 'attachment',
    createdAt: ctx.clock(),
  });
  return { status: 200, json: { attachment_id: media.id } };
}

/** `GET /me`, Page/IG account info, profiles, `subscribed_apps` and `message_attachments`. */
export function routeMessagingAccount(req: GraphRequest, ctx: SandboxContext): RouteMatch | null {
  const customer = ctx.state.messagingCustomers.get(req.id);
  if (customer && req.edge === null && req.method === 'GET') {
    const owner = resolveMessagingAsset(ctx, customer.assetId, null, customer.assetId);
    return {
      operation: 'profile.get',
      assetId: customer.assetId,
      authorize: (token) => owner !== undefined && token !== null && tokensOf(ctx, owner).includes(token),
      handle: () => profileOf(ctx, customer, req.params.fields),
    };
  }
  const asset = resolveMessagingAsset(ctx, req.id, req.token);
  if (!asset) {
    if (req.id !== 'me') return null;
    const systemUser = req.token
      ? ctx.assets.byToken(req.token).find((a) => a.channel === 'whatsapp')
      : undefined;
    if (systemUser && req.edge === null && req.method === 'GET') {
      // A WhatsApp system-user token: `/me` is the system user.
      const user = { id: `6155${systemUser.wabaId.slice(-10)}`, name: 'Charla Sandbox System User' };
      return {
        operation: 'account.get',
        assetId: null,
        authorize: () => true,
        handle: () => ({ status: 200, json: user }),
      };
    }
    return { operation: 'account.get', assetId: null, authorize: () => false, handle: () => success() };
  }
  const authorize = (token: string | null): boolean => token !== null && tokensOf(ctx, asset).includes(token);
  if (req.edge === null && req.method === 'GET') {
    return {
      operation: 'account.get',
      assetId: assetId(asset),
      authorize,
      handle: () => accountInfo(ctx, asset, req.params.fields),
    };
  }
  if (req.edge === 'subscribed_apps' && ['GET', 'POST', 'DELETE'].includes(req.method)) {
    return {
      operation: 'messaging.subscribed-apps',
      assetId: assetId(asset),
      authorize,
      handle: () => subscribedApps(req, ctx, asset),
    };
  }
  if (req.edge === 'message_attachments' && req.method === 'POST') {
    return {
      operation: 'messaging.attachment-upload',
      assetId: assetId(asset),
      authorize,
      handle: () => uploadAttachment(req, ctx, asset),
    };
  }
  return null;
}
