import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { shutdownInOrder } from './shutdown.ts';

const quiet = pino({ level: 'silent' });

describe('shutdownInOrder', () => {
  it('runs every step in order, going on past a failed one, and says whether all went well', async () => {
    const ran: string[] = [];
    const clean = await shutdownInOrder(
      [
        { name: 'http', run: async () => void ran.push('http') },
        { name: 'broken', run: () => Promise.reject(new Error('no')) },
        { name: 'store', run: async () => void ran.push('store') },
      ],
      1000,
      quiet,
    );
    expect(ran).toEqual(['http', 'store']);
    expect(clean).toBe(false);
  });

  it('gives up at the deadline', async () => {
    const never = new Promise<void>(() => undefined);
    expect(await shutdownInOrder([{ name: 'stuck', run: () => never }], 20, quiet)).toBe(false);
    expect(await shutdownInOrder([{ name: 'quick', run: async () => {} }], 20, quiet)).toBe(true);
  });
});
