/** Types of throwaway-postgres.mjs, for the TypeScript that uses it (bench/). */
export declare const FAST_SETTINGS: readonly string[];

export interface ThrowawayPostgres {
  /** URL of the cluster's `postgres` database: user `charla`, trust auth, 127.0.0.1. */
  url: string;
  /** The postgresql.conf settings it was started with. */
  settings: readonly string[];
  /** Stops the cluster; removes it unless it was started in a kept `dir`. */
  stop(): void;
}

export declare function startThrowawayPostgres(options?: {
  dir?: string;
  settings?: readonly string[];
}): Promise<ThrowawayPostgres>;
