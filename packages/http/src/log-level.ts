import type { LogLevel } from 'fastify';

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * The log level for routes that are hit often and say little (probes, metrics, the document):
 * warn, unless the app logs less than that already. A route's level replaces the app's, so
 * a plain 'warn' would make a silent app talk.
 */
export function atLeastWarn(level: string): LogLevel {
  const known = LEVELS.find((candidate) => candidate === level);
  return known !== undefined && LEVELS.indexOf(known) > LEVELS.indexOf('warn') ? known : 'warn';
}

/** Whether a logger at `level` writes info lines (so per-request bindings are worth making). */
export function logsInfo(level: string): boolean {
  const index = LEVELS.findIndex((known) => known === level);
  return index === -1 || index <= LEVELS.indexOf('info');
}
