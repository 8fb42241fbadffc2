import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { shutdownInOrder } from './shutdown.ts';

const logger = pino({ level: 'silent' });

describe('shutdownInOrder', () => {
  it('runs the steps in order and reports a clean finish', async () => {
    const order: string[] = [];
    const step = (name: string, ms: number) => ({
      name,
      run: async () => {
        await sleep(ms);
        order.push(name);
      },
    });
    const ok = await shutdownInOrder(
      [step('http', 20), step('drop', 1), step('kafka', 5)],
      1000,
      logger,
    );
    expect(ok).toBe(true);
    expect(order).toEqual(['http', 'drop', 'kafka']);
  });

  it('still runs later steps after a failure, and reports it', async () => {
    const order: string[] = [];
    const ok = await shutdownInOrder(
      [
        { name: 'http', run: () => Promise.reject(new Error('boom')) },
        { name: 'kafka', run: async () => void order.push('kafka') },
      ],
      1000,
      logger,
    );
    expect(ok).toBe(false);
    expect(order).toEqual(['kafka']);
  });

  it('gives up at the deadline, naming the step it was waiting for', async () => {
    const lines: { msg: string; waitingFor?: string }[] = [];
    const capture = pino({}, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const started = Date.now();
    const ok = await shutdownInOrder(
      [{ name: 'drop folder', run: () => new Promise<void>(() => {}) }],
      50,
      capture,
    );
    expect(ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'shutdown: deadline passed', waitingFor: 'drop folder' }),
    );
  });
});
