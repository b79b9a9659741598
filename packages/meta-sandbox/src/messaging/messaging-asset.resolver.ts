import { assetId, type InstagramAsset, type MessengerAsset } from '../assets/asset-registry.ts';
import type { SandboxContext } from '../sandbox.context.ts';

/** A Page or Instagram account that sends and receives messages. */
export type MessagingAsset = MessengerAsset | InstagramAsset;

/** Tokens that may act for an asset: its own, and for Instagram the linked Page's token. */
export function tokensOf(ctx: SandboxContext, asset: MessagingAsset): string[] {
  if (asset.channel === 'messenger') return [asset.token];
  const page = asset.pageId ? ctx.assets.messengerByPageId(asset.pageId) : undefined;
  return page ? [asset.token, page.token] : [asset.token];
}

/**
 * The asset a `/{id}/…` call acts on. `me` resolves through the token. A Page id may stand for
 * the Page or for Instagram accounts linked to it (Facebook-Login path); `preferAssetId` (the
 * recipient's owner) decides.
 */
export function resolveMessagingAsset(
  ctx: SandboxContext,
  id: string,
  token: string | null,
  preferAssetId?: string,
): MessagingAsset | undefined {
  const candidates: MessagingAsset[] =
    id === 'me'
      ? token
        ? ctx.assets.byToken(token).filter((a): a is MessagingAsset => a.channel !== 'whatsapp')
        : []
      : [
          ...[ctx.assets.messengerByPageId(id), ctx.assets.instagramById(id)].filter(
            (a): a is MessagingAsset => a !== undefined,
          ),
          ...ctx.assets.instagramByPageId(id),
        ];
  if (candidates.length <= 1) return candidates[0];
  return (
    candidates.find((a) => assetId(a) === preferAssetId) ??
    candidates.find((a) => a.channel === 'messenger') ??
    candidates[0]
  );
}
