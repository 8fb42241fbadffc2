import { type TestDatabase } from '@crimestats/store/testing';
import { hashToken, TokenRegistry } from '@crimestats/auth';
import { defaultReference } from '@crimestats/domain';
import pino, { type Logger } from 'pino';
import { Registry } from 'prom-client';
import { buildReportingApp, type ReportingApp, type ReportingAppDeps } from '../app.ts';

export { LOADED_AT, seedPlanDatabase } from './plan-database.ts';

/** Plain tokens for the tests; the app only ever sees their hashes. */
export const TOKENS = {
  analyst: 'analyst-secret-token',
  board: 'board-secret-token',
  southDerbyshire: 'south-derbyshire-secret-token',
  derbyCity: 'derby-city-secret-token',
  /** An analyst's token that expired in 2020 (`LAPSED_AT`): refused like an unknown one. */
  lapsed: 'lapsed-analyst-secret-token',
} as const;

export const LAPSED_AT = new Date('2020-01-01T00:00:00Z');

export const tokenRegistry = (): TokenRegistry =>
  new TokenRegistry([
    { name: 'county-analyst', role: 'analyst', hash: hashToken(TOKENS.analyst) },
    { name: 'board-chair', role: 'board', hash: hashToken(TOKENS.board) },
    { name: 'south-derbyshire', role: 'csp:E07000039', hash: hashToken(TOKENS.southDerbyshire) },
    { name: 'derby-city', role: 'csp:E06000015', hash: hashToken(TOKENS.derbyCity) },
    {
      name: 'lapsed-analyst',
      role: 'analyst',
      hash: hashToken(TOKENS.lapsed),
      expiresAt: LAPSED_AT,
    },
  ]);

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Every line the app logs, as text, so a test can look for what must never be logged. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

export function buildTestApp(
  db: Pick<TestDatabase, 'client' | 'database'>,
  overrides: Partial<ReportingAppDeps> = {},
): Promise<ReportingApp> {
  return buildReportingApp({
    store: { client: db.client, database: db.database },
    reference: defaultReference,
    tokens: tokenRegistry(),
    logger: pino({ level: 'silent' }),
    metrics: new Registry(),
    // Checked on every request, so a test that writes figures sees them at once.
    cache: { versionTtlMs: 0, maxEntries: 100 },
    ...overrides,
  });
}
