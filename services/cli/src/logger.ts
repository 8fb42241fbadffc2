import pino, { type Logger } from 'pino';
import type { CliConfig } from './config.ts';

/** Structured logs go to stderr, so stdout carries only the command's answer (tables, CSV, JSON). */
export function cliLogger(config: CliConfig): Logger {
  return pino({ level: config.logLevel, base: { service: 'crimestats-cli' } }, pino.destination(2));
}
