import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * A service's logger: JSON lines on standard output, for log collectors. Synchronous, so the last
 * lines before process.exit (the shutdown outcome) are never lost.
 */
export function serviceLogger(name: string, level: string): Logger {
  return pino({ level, base: { service: name } }, pino.destination({ dest: 1, sync: true }));
}

/** Where a command-line logger writes: standard error unless a test says otherwise. */
export type TerminalStream = DestinationStream & { isTTY?: boolean };

/**
 * A command's logger, on standard error so standard output carries only the answer (tables, CSV,
 * JSON): readable lines when a person is watching (a terminal), JSON lines when a program is
 * (a pipe, a file, CI).
 */
export function terminalLogger(
  name: string,
  level: string,
  stream: TerminalStream = process.stderr,
): Logger {
  const options = { level, base: { service: name } };
  if (!stream.isTTY) return pino(options, stream === process.stderr ? pino.destination(2) : stream);
  return pino(
    options,
    pretty({
      destination: stream,
      sync: true,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service',
    }),
  );
}
