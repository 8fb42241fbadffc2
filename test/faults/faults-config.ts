import { z } from 'zod';

/**
 * The fault suite's settings. The seed picks every random point (where the kills and outages fall);
 * a failure prints it, and FAULTS_SEED runs the same case again.
 */
const FaultsEnv = z.object({
  FAULTS_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .default(() => Math.floor(Math.random() * 2 ** 31)),
  /** police.uk street rows in the backfill; the full suite's million, fewer for a short run. */
  FAULTS_ROWS: z.coerce.number().int().min(1_000).default(1_000_000),
  /** How long ClickHouse stays down in the middle of aggregation. */
  FAULTS_CLICKHOUSE_DOWN_MS: z.coerce.number().int().min(0).default(30_000),
  /** Aggregator SIGKILLs during the backfill. */
  FAULTS_AGGREGATOR_KILLS: z.coerce.number().int().min(1).default(5),
  /** Notifier SIGKILLs during deliveries. */
  FAULTS_NOTIFIER_KILLS: z.coerce.number().int().min(1).default(3),
  /**
   * Free space, in KiB, on the small disk the single-machine store is copied onto for the
   * full-disk case. Below the 16 MiB a load needs (disk-room.ts), every file is refused before
   * it writes; above it, the engine's own refusal is met part-way through the load.
   */
  FAULTS_DISK_HEADROOM_KB: z.coerce.number().int().min(0).default(1536),
});

export type FaultsConfig = z.infer<typeof FaultsEnv>;

export function loadFaultsConfig(env: NodeJS.ProcessEnv = process.env): FaultsConfig {
  return FaultsEnv.parse(env);
}
