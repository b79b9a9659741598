import type { Db } from '../db/client.ts';
import type { SecretBox } from '../platform/secret-box.ts';

/**
 * The app secrets that may sign a webhook, by routing id (phone_number_id, Page id, IG account
 * id, WABA id). Read from the channels table at most every few seconds, so verifying a webhook
 * costs no query on the hot path; a secret changed on another node is picked up within `ttlMs`.
 */
export class WebhookSecrets {
  private byRoutingId = new Map<string, string[]>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly secretBox: SecretBox,
    private readonly defaultSecret: string | undefined,
    private readonly ttlMs = 5_000,
  ) {}

  /** Secrets to try for a payload naming these ids: the channels' own, then the default. */
  async candidates(routingIds: readonly string[]): Promise<string[]> {
    if (performance.now() - this.loadedAt > this.ttlMs) await this.reload();
    const secrets = new Set(routingIds.flatMap((id) => this.byRoutingId.get(id) ?? []));
    if (this.defaultSecret) secrets.add(this.defaultSecret);
    return [...secrets];
  }

  /** Forgets the cache (after a channel is connected or edited in this process). */
  invalidate(): void {
    this.loadedAt = Number.NEGATIVE_INFINITY;
  }

  private reload(): Promise<void> {
    this.loading ??= (async () => {
      const rows = await this.db.kysely
        .selectFrom('channels')
        .select(['external_id', 'account_id', 'app_secret_enc'])
        .where('app_secret_enc', 'is not', null)
        .execute();
      const next = new Map<string, string[]>();
      for (const row of rows) {
        if (!row.app_secret_enc) continue;
        const secret = this.secretBox.open(row.app_secret_enc);
        for (const id of [row.external_id, row.account_id]) {
          if (id) next.set(id, [...(next.get(id) ?? []), secret]);
        }
      }
      this.byRoutingId = next;
      this.loadedAt = performance.now();
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }
}
