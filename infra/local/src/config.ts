import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Where the local stack keeps state, and which ports the development stack uses. */
const LocalStackEnv = z.object({
  CRIMESTATS_HOME: z.string().default('./.crimestats'),
  CRIMESTATS_CACHE_DIR: z.string().optional(),
  XDG_CACHE_HOME: z.string().optional(),
  CRIMESTATS_STACK_KAFKA_PORT: z.coerce.number().int().min(1).max(65535).default(19092),
  CRIMESTATS_STACK_KAFKA_CONTROLLER_PORT: z.coerce.number().int().min(1).max(65535).default(19093),
  CRIMESTATS_STACK_CLICKHOUSE_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(18123),
  CRIMESTATS_STACK_CLICKHOUSE_TCP_PORT: z.coerce.number().int().min(1).max(65535).default(19000),
});

export interface LocalStackConfig {
  /** Downloads and installs shared by every run on this machine (Kafka jars). */
  cacheDir: string;
  /** State, data and logs of the development stack (`pnpm stack:up`). */
  stackDir: string;
  ports: {
    kafka: number;
    kafkaController: number;
    clickhouseHttp: number;
    clickhouseTcp: number;
  };
}

export function loadLocalStackConfig(env: NodeJS.ProcessEnv = process.env): LocalStackConfig {
  const parsed = LocalStackEnv.parse(env);
  const cacheDir =
    parsed.CRIMESTATS_CACHE_DIR ??
    join(parsed.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'crimestats');
  return {
    cacheDir: resolve(cacheDir),
    stackDir: resolve(parsed.CRIMESTATS_HOME, 'stack'),
    ports: {
      kafka: parsed.CRIMESTATS_STACK_KAFKA_PORT,
      kafkaController: parsed.CRIMESTATS_STACK_KAFKA_CONTROLLER_PORT,
      clickhouseHttp: parsed.CRIMESTATS_STACK_CLICKHOUSE_HTTP_PORT,
      clickhouseTcp: parsed.CRIMESTATS_STACK_CLICKHOUSE_TCP_PORT,
    },
  };
}
