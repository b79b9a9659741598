import type { WhatsAppAsset } from '../assets/asset-registry.ts';
import { parseGraphParams } from '../graph/graph-params.ts';
import { type GraphRequest, type GraphResponse, type RouteMatch, success } from '../graph/graph-route.ts';
import type { SandboxContext } from '../sandbox.context.ts';
import { resolveWaId } from './whatsapp-messages.handler.ts';
import { blockUsersSchema } from './whatsapp-send.schema.ts';
import { TEMPLATES } from './whatsapp-templates.catalog.ts';

/** `+1 555-078-3881` for US numbers, `+<digits>` otherwise, as Graph displays them. */
export function formatDisplayPhone(digits: string): string {
  const us = /^1(\d{3})(\d{3})(\d{4})$/.exec(digits);
  return us ? `+1 ${us[1]}-${us[2]}-${us[3]}` : `+${digits}`;
}

/** Keeps only the requested `fields` (plus `id`), as Graph does for `?fields=`. */
export function selectFields(object: Record<string, unknown>, fields: unknown): Record<string, unknown> {
  if (typeof fields !== 'string' || fields.trim() === '') return object;
  const wanted = new Set(['id', ...fields.split(',').map((f) => f.trim())]);
  return Object.fromEntries(Object.entries(object).filter(([key]) => wanted.has(key)));
}

function phoneNumberInfo(asset: WhatsAppAsset): Record<string, unknown> {
  return {
    verified_name: asset.verifiedName,
    code_verification_status: 'VERIFIED',
    display_phone_number: formatDisplayPhone(asset.displayPhone),
    quality_rating: 'GREEN',
    platform_type: 'CLOUD_API',
    throughput: { level: 'STANDARD' },
    name_status: 'APPROVED',
    messaging_limit_tier: 'TIER_1K',
    is_official_business_account: false,
    id: asset.phoneNumberId,
  };
}

function templatesPage(req: GraphRequest, ctx: SandboxContext): GraphResponse {
  const p = req.params;
  const text = (key: string): string | undefined => (typeof p[key] === 'string' ? String(p[key]) : undefined);
  const name = text('name')?.toLowerCase();
  const matching = TEMPLATES.filter(
    (t) =>
      (name === undefined || t.name.toLowerCase().includes(name)) &&
      (text('status') === undefined || t.status === text('status')?.toUpperCase()) &&
      (text('category') === undefined || t.category === text('category')?.toUpperCase()) &&
      (text('language') === undefined || t.language === text('language')),
  );
  const limit = Math.min(Math.max(Number(text('limit') ?? 25) || 25, 1), 100);
  const after = text('after');
  const start = after ? Number(Buffer.from(after, 'base64url').toString('utf8')) || 0 : 0;
  const page = matching.slice(start, start + limit);
  const cursor = (index: number): string => Buffer.from(String(index)).toString('base64url');
  const hasMore = start + limit < matching.length;
  const next = new URL(`${ctx.baseUrl()}${req.url.pathname}`);
  next.searchParams.set('limit', String(limit));
  next.searchParams.set('after', cursor(start + limit));
  return {
    status: 200,
    json: {
      data: page.map((t) => selectFields({ ...t }, p.fields)),
      paging: {
        cursors: { before: cursor(start), after: cursor(start + page.length) },
        ...(hasMore ? { next: next.toString() } : {}),
      },
    },
  };
}

function blockUsers(req: GraphRequest, ctx: SandboxContext, asset: WhatsAppAsset): GraphResponse {
  const blocked = ctx.state.blockedOf(asset.phoneNumberId);
  if (req.method === 'GET') {
    return {
      status: 200,
      json: {
        data: [...blocked].map((waId) => ({ messaging_product: 'whatsapp', wa_id: waId })),
        paging: { cursors: {} },
      },
    };
  }
  const body = parseGraphParams(blockUsersSchema, req.params, 'whatsapp');
  const contacts = ctx.state.contactsOf(asset.phoneNumberId);
  const users = body.block_users.map(({ user }) => ({
    input: user,
    wa_id: resolveWaId(user.replace(/\D/g, ''), contacts),
  }));
  for (const { wa_id } of users) {
    if (req.method === 'DELETE') blocked.delete(wa_id);
    else blocked.add(wa_id);
  }
  ctx.state.recordSent({
    id: `block-${ctx.ids.numeric(10)}`,
    channel: 'whatsapp',
    operation: 'whatsapp.block-users',
    assetId: asset.phoneNumberId,
    recipient: null,
    payload: { method: req.method, ...req.params },
    at: ctx.clock(),
    responseDropped: false,
  });
  const key = req.method === 'DELETE' ? 'removed_users' : 'added_users';
  return { status: 200, json: { messaging_product: 'whatsapp', block_users: { [key]: users } } };
}

function subscribedApps(req: GraphRequest, ctx: SandboxContext, wabaId: string): GraphResponse {
  if (req.method === 'POST') ctx.state.subscriptions.set(wabaId, ['messages']);
  if (req.method === 'DELETE') ctx.state.subscriptions.delete(wabaId);
  if (req.method !== 'GET') return success();
  const subscribed = ctx.state.subscriptions.has(wabaId);
  const app = { id: String(ctx.config.appId), link: 'https://charla.example/', name: 'Charla' };
  return { status: 200, json: { data: subscribed ? [{ whatsapp_business_api_data: app }] : [] } };
}

/** Phone-number info, WABA info, phone numbers, templates, subscribed apps and blocked users. */
export function routeWhatsAppAccount(req: GraphRequest, ctx: SandboxContext): RouteMatch | null {
  const phone = ctx.assets.whatsappByPhoneNumberId(req.id);
  if (phone) {
    if (req.edge === null && req.method === 'GET') {
      return {
        operation: 'whatsapp.phone-number',
        assetId: phone.phoneNumberId,
        authorize: (token) => token === phone.token,
        handle: () => ({ status: 200, json: selectFields(phoneNumberInfo(phone), req.params.fields) }),
      };
    }
    if (req.edge === 'block_users' && ['GET', 'POST', 'DELETE'].includes(req.method)) {
      return {
        operation: 'whatsapp.block-users',
        assetId: phone.phoneNumberId,
        authorize: (token) => token === phone.token,
        handle: () => blockUsers(req, ctx, phone),
      };
    }
    return null;
  }
  const numbers = ctx.assets.whatsappByWabaId(req.id);
  const first = numbers[0];
  if (!first) return null;
  const authorize = (token: string | null): boolean => numbers.some((n) => n.token === token);
  const wabaId = req.id;
  if (req.edge === null && req.method === 'GET') {
    const info = {
      id: wabaId,
      name: `${first.verifiedName} WABA`,
      currency: 'USD',
      timezone_id: '1',
      message_template_namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
      account_review_status: 'APPROVED',
    };
    return {
      operation: 'whatsapp.business-account',
      assetId: wabaId,
      authorize,
      handle: () => ({ status: 200, json: selectFields(info, req.params.fields) }),
    };
  }
  if (req.edge === 'phone_numbers' && req.method === 'GET') {
    return {
      operation: 'whatsapp.phone-number',
      assetId: wabaId,
      authorize,
      handle: () => ({ status: 200, json: { data: numbers.map(phoneNumberInfo), paging: { cursors: {} } } }),
    };
  }
  if (req.edge === 'message_templates' && req.method === 'GET') {
    return {
      operation: 'whatsapp.templates',
      assetId: wabaId,
      authorize,
      handle: () => templatesPage(req, ctx),
    };
  }
  if (req.edge === 'subscribed_apps' && ['GET', 'POST', 'DELETE'].includes(req.method)) {
    return {
      operation: 'whatsapp.subscribed-apps',
      assetId: wabaId,
      authorize,
      handle: () => subscribedApps(req, ctx, wabaId),
    };
  }
  return null;
}
