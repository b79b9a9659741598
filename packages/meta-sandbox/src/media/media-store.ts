import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Where a stored file came from. */
export type MediaOrigin = 'upload' | 'inbound' | 'attachment';

/** A file held by the sandbox: uploaded by Charla or sent by a simulated customer. */
export interface StoredMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  /** Hex digest, as `GET /{media-id}` reports it. */
  sha256Hex: string;
  /** Base64 digest, as inbound WhatsApp webhooks report it. */
  sha256Base64: string;
  fileSize: number;
  filename?: string;
  /** Phone-number id, Page id or Instagram account id the file belongs to. */
  ownerId: string;
  origin: MediaOrigin;
  createdAt: number;
}

/** What `MediaStore.put` needs. */
export interface NewMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  filename?: string;
  ownerId: string;
  origin: MediaOrigin;
  createdAt: number;
}

/**
 * In-memory files plus the two kinds of URL Meta hands out for them: WhatsApp's lookaside URL
 * (expires, needs the Bearer token) and a signed public CDN URL (Messenger/Instagram attachments,
 * profile pictures), both signed so a URL cannot be forged or extended.
 */
export class MediaStore {
  private readonly files = new Map<string, StoredMedia>();
  private readonly key = randomBytes(32);

  /** Stores a file and computes its digests. */
  put(media: NewMedia): StoredMedia {
    const digest = createHash('sha256').update(media.bytes).digest();
    const stored: StoredMedia = {
      ...media,
      sha256Hex: digest.toString('hex'),
      sha256Base64: digest.toString('base64'),
      fileSize: media.bytes.length,
    };
    this.files.set(stored.id, stored);
    return stored;
  }

  /** The file with this id, if it exists and was not deleted. */
  get(id: string): StoredMedia | undefined {
    return this.files.get(id);
  }

  /** Deletes a file; false when it did not exist. */
  delete(id: string): boolean {
    return this.files.delete(id);
  }

  /** Every stored file (without bytes' copies). */
  list(): StoredMedia[] {
    return [...this.files.values()];
  }

  /** Forgets every file. */
  reset(): void {
    this.files.clear();
  }

  /** WhatsApp's download URL: `…/whatsapp_business/attachments/?mid=…&ext=<expiry s>&hash=…`. */
  whatsappUrl(baseUrl: string, media: StoredMedia, expiresAtMs: number): string {
    const ext = String(Math.floor(expiresAtMs / 1000));
    const hash = this.sign(`wa:${media.id}:${ext}`);
    return `${baseUrl}/whatsapp_business/attachments/?mid=${media.id}&ext=${ext}&hash=${hash}`;
  }

  /** A public CDN URL: `…/cdn/<id>/<name>?oe=<expiry hex s>&oh=…`. */
  cdnUrl(baseUrl: string, media: StoredMedia, expiresAtMs: number): string {
    const oe = Math.floor(expiresAtMs / 1000).toString(16);
    const oh = this.sign(`cdn:${media.id}:${oe}`);
    const name = encodeURIComponent(media.filename ?? media.id);
    return `${baseUrl}/cdn/${media.id}/${name}?oe=${oe}&oh=${oh}`;
  }

  /** Checks a WhatsApp download URL: the file, `expired`, or `invalid`. */
  checkWhatsAppUrl(url: URL, nowMs: number): StoredMedia | 'expired' | 'invalid' {
    const id = url.searchParams.get('mid') ?? '';
    const ext = url.searchParams.get('ext') ?? '';
    if (!this.verify(`wa:${id}:${ext}`, url.searchParams.get('hash') ?? '')) return 'invalid';
    if (Number(ext) * 1000 < nowMs) return 'expired';
    return this.files.get(id) ?? 'invalid';
  }

  /** Checks a CDN URL whose path is `/cdn/<id>/…`. */
  checkCdnUrl(url: URL, id: string, nowMs: number): StoredMedia | 'expired' | 'invalid' {
    const oe = url.searchParams.get('oe') ?? '';
    if (!this.verify(`cdn:${id}:${oe}`, url.searchParams.get('oh') ?? '')) return 'invalid';
    if (Number.parseInt(oe, 16) * 1000 < nowMs) return 'expired';
    return this.files.get(id) ?? 'invalid';
  }

  private sign(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url').slice(0, 24);
  }

  private verify(text: string, hash: string): boolean {
    const want = Buffer.from(this.sign(text));
    const got = Buffer.from(hash);
    return want.length === got.length && timingSafeEqual(want, got);
  }
}
