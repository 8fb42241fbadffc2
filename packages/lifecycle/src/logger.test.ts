import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalLogger } from './logger.ts';

/** A stream that keeps what is written, and says whether it is a terminal. */
function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join('') };
}

describe('terminal logger', () => {
  it('writes readable lines to a terminal', () => {
    const out = capture(true);
    terminalLogger('crimestats-cli', 'info', out.stream).info({ file: 'a.csv' }, 'loaded');
    const text = out.text();
    expect(text).toContain('loaded');
    expect(text).toContain('a.csv');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('writes JSON lines anywhere else', () => {
    const out = capture(false);
    terminalLogger('crimestats-cli', 'info', out.stream).info({ file: 'a.csv' }, 'loaded');
    expect(JSON.parse(out.text())).toMatchObject({
      level: 30,
      service: 'crimestats-cli',
      file: 'a.csv',
      msg: 'loaded',
    });
  });
});
