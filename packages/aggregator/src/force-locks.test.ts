import { describe, expect, it } from 'vitest';
import { ForceLocks } from './force-locks.ts';

/** A promise and the function that settles it, for holding work open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('ForceLocks', () => {
  it('runs work on the same force one at a time, in arrival order', async () => {
    const locks = new ForceLocks();
    const events: string[] = [];
    const first = gate();
    const a = locks.run(['F1'], async () => {
      events.push('a starts');
      await first.opened;
      events.push('a ends');
    });
    const b = locks.run(['F1'], async () => {
      events.push('b starts');
      events.push('b ends');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['a starts']);
    first.open();
    await Promise.all([a, b]);
    expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
    expect(locks.busy()).toEqual([]);
  });

  it('lets work on other forces run meanwhile', async () => {
    const locks = new ForceLocks();
    const held = gate();
    const a = locks.run(['F1'], () => held.opened);
    await locks.run(['F2'], async () => {});
    held.open();
    await a;
  });

  it('waits for every force of a set, and never deadlocks on overlapping sets', async () => {
    const locks = new ForceLocks();
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside += 1;
      most = Math.max(most, inside);
      await new Promise((resolve) => setImmediate(resolve));
      inside -= 1;
    };
    await Promise.all([
      locks.run(['F1', 'F2'], work),
      locks.run(['F2', 'F1'], work),
      locks.run(['F2'], work),
      locks.run(['F1', 'F1'], work),
    ]);
    expect(most).toBe(1);
    expect(locks.busy()).toEqual([]);
  });

  it('releases a force when its work fails', async () => {
    const locks = new ForceLocks();
    await expect(
      locks.run(['F1'], () => Promise.reject(new Error('recompute failed'))),
    ).rejects.toThrow('recompute failed');
    await expect(locks.run(['F1'], async () => 'next')).resolves.toBe('next');
    expect(locks.busy()).toEqual([]);
  });
});
