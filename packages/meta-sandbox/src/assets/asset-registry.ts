import { z } from 'zod';

const graphId = z.string().regex(/^\d{5,20}$/, 'must be a numeric Graph id (as a string)');

/** A WhatsApp business number (`POST /__sandbox/assets` `{whatsapp: …}`). */
export const whatsappAssetInputSchema = z.object({
  phoneNumberId: graphId,
  wabaId: graphId,
  /** Digits only, as in `metadata.display_phone_number`. */
  displayPhone: z.string().regex(/^\d{6,15}$/),
  verifiedName: z.string().min(1).default('Charla Demo'),
  token: z.string().min(1),
  appSecret: z.string().min(1).optional(),
});

/** A Facebook Page for Messenger and feed comments (`{messenger: …}`). */
export const messengerAssetInputSchema = z.object({
  pageId: graphId,
  name: z.string().min(1).default('Charla Demo'),
  token: z.string().min(1),
  appSecret: z.string().min(1).optional(),
});

/** An Instagram professional account, optionally linked to a Page (`{instagram: …}`). */
export const instagramAssetInputSchema = z.object({
  igAccountId: graphId,
  pageId: graphId.optional(),
  username: z.string().min(1).default('charla.demo'),
  name: z.string().min(1).default('Charla Demo'),
  token: z.string().min(1),
  appSecret: z.string().min(1).optional(),
});

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]));

/** Body of `POST /__sandbox/assets`: any mix of the three asset kinds, one or several each. */
export const assetsInputSchema = z.object({
  whatsapp: oneOrMany(whatsappAssetInputSchema).optional(),
  messenger: oneOrMany(messengerAssetInputSchema).optional(),
  instagram: oneOrMany(instagramAssetInputSchema).optional(),
  /** Drop every configured asset before adding these. */
  replace: z.boolean().optional(),
});

/** Input accepted by `assets.add` (before defaults are applied). */
export type AssetsInput = z.input<typeof assetsInputSchema>;

/** A configured WhatsApp number, with the app secret that signs its webhooks. */
export type WhatsAppAsset = z.output<typeof whatsappAssetInputSchema> & {
  channel: 'whatsapp';
  appSecret: string;
};
/** A configured Facebook Page. */
export type MessengerAsset = z.output<typeof messengerAssetInputSchema> & {
  channel: 'messenger';
  appSecret: string;
};
/** A configured Instagram account. */
export type InstagramAsset = z.output<typeof instagramAssetInputSchema> & {
  channel: 'instagram';
  appSecret: string;
};
/** Any configured asset. */
export type Asset = WhatsAppAsset | MessengerAsset | InstagramAsset;

/**
 * Fixed demo assets, present unless `defaultAssets: false`. Charla's demo creates its channels
 * with these ids and tokens.
 */
export const DEMO_ASSETS = {
  whatsapp: {
    phoneNumberId: '106540352242922',
    wabaId: '102290129340398',
    displayPhone: '15550783881',
    verifiedName: 'Charla Demo',
    token: 'sandbox-whatsapp-token',
  },
  messenger: { pageId: '1122334455667788', name: 'Charla Demo', token: 'sandbox-page-token' },
  instagram: {
    igAccountId: '17841400000000001',
    pageId: '1122334455667788',
    username: 'charla.demo',
    name: 'Charla Demo',
    token: 'sandbox-instagram-token',
  },
} as const satisfies AssetsInput;

/** The assets the sandbox answers for, and which token and app secret belong to each. */
export class AssetRegistry {
  private whatsappAssets = new Map<string, WhatsAppAsset>();
  private messengerAssets = new Map<string, MessengerAsset>();
  private instagramAssets = new Map<string, InstagramAsset>();

  constructor(private defaultAppSecret: string) {}

  /** The secret used for assets configured without their own. */
  get appSecret(): string {
    return this.defaultAppSecret;
  }

  /** Changes the default app secret; assets that used the old default follow, others keep theirs. */
  setDefaultAppSecret(secret: string): void {
    for (const asset of this.list()) if (asset.appSecret === this.defaultAppSecret) asset.appSecret = secret;
    this.defaultAppSecret = secret;
  }

  /** Validates and adds assets; an asset with an id already known replaces the old one. */
  add(input: AssetsInput): Asset[] {
    const parsed = assetsInputSchema.parse(input);
    if (parsed.replace) this.clear();
    const added: Asset[] = [];
    for (const wa of parsed.whatsapp ?? []) {
      const asset: WhatsAppAsset = {
        ...wa,
        channel: 'whatsapp',
        appSecret: wa.appSecret ?? this.defaultAppSecret,
      };
      this.whatsappAssets.set(asset.phoneNumberId, asset);
      added.push(asset);
    }
    for (const page of parsed.messenger ?? []) {
      const asset: MessengerAsset = {
        ...page,
        channel: 'messenger',
        appSecret: page.appSecret ?? this.defaultAppSecret,
      };
      this.messengerAssets.set(asset.pageId, asset);
      added.push(asset);
    }
    for (const ig of parsed.instagram ?? []) {
      const asset: InstagramAsset = {
        ...ig,
        channel: 'instagram',
        appSecret: ig.appSecret ?? this.defaultAppSecret,
      };
      this.instagramAssets.set(asset.igAccountId, asset);
      added.push(asset);
    }
    return added;
  }

  /** Removes every asset. */
  clear(): void {
    this.whatsappAssets.clear();
    this.messengerAssets.clear();
    this.instagramAssets.clear();
  }

  /** Every configured asset. */
  list(): Asset[] {
    return [
      ...this.whatsappAssets.values(),
      ...this.messengerAssets.values(),
      ...this.instagramAssets.values(),
    ];
  }

  /** The WhatsApp number with this phone-number id. */
  whatsappByPhoneNumberId(id: string): WhatsAppAsset | undefined {
    return this.whatsappAssets.get(id);
  }

  /** The WhatsApp numbers of a WABA (empty when the WABA is unknown). */
  whatsappByWabaId(id: string): WhatsAppAsset[] {
    return [...this.whatsappAssets.values()].filter((asset) => asset.wabaId === id);
  }

  /** The Page with this id. */
  messengerByPageId(id: string): MessengerAsset | undefined {
    return this.messengerAssets.get(id);
  }

  /** The Instagram account with this id. */
  instagramById(id: string): InstagramAsset | undefined {
    return this.instagramAssets.get(id);
  }

  /** Instagram accounts linked to a Page (the Facebook-Login path sends through the Page). */
  instagramByPageId(pageId: string): InstagramAsset[] {
    return [...this.instagramAssets.values()].filter((asset) => asset.pageId === pageId);
  }

  /** Assets whose token is `token` (the `me` alias resolves through this). */
  byToken(token: string): Asset[] {
    return this.list().filter((asset) => asset.token === token);
  }

  /** The first asset of a channel, used when an inbound request names none. */
  first<C extends Asset['channel']>(channel: C): Extract<Asset, { channel: C }> | undefined {
    const found = this.list().find((asset) => asset.channel === channel);
    return found && isChannel(found, channel) ? found : undefined;
  }
}

/** Narrows an asset to one channel. */
export function isChannel<C extends Asset['channel']>(
  asset: Asset,
  channel: C,
): asset is Extract<Asset, { channel: C }> {
  return asset.channel === channel;
}

/** The id Meta uses for an asset in `entry[].id` and in Graph paths. */
export function assetId(asset: Asset): string {
  switch (asset.channel) {
    case 'whatsapp':
      return asset.phoneNumberId;
    case 'messenger':
      return asset.pageId;
    case 'instagram':
      return asset.igAccountId;
  }
}
