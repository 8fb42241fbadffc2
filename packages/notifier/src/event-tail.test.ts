import type { FiguresEventData } from '@crimestats/contracts';
import type { EventPosition, StoredFigureEvent } from '@crimestats/store';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventTail } from './event-tail.ts';

const SD = 'E07000039';
const DERBY = 'E06000015';

const event = (id: string, area: string, createdAtMs: number): StoredFigureEvent => ({
  id,
  area,
  createdAtMs,
  data: {
    area: { code: area, name: 'An area' },
    periods: [],
    links: { comparisons: 'http://127.0.0.1/v1/comparisons', dashboard: 'http://127.0.0.1/' },
  } satisfies FiguresEventData,
  subscriptionIds: [],
  source: { name: 'crimestats.figures-updated.v1', partition: 0, offset: 0 },
});

const later = (e: StoredFigureEvent, p: EventPosition) =>
  e.createdAtMs > p.createdAtMs || (e.createdAtMs === p.createdAtMs && e.id > p.id);

/** The repository's reads over an array, in its order; counts reads and can fail them. */
function fakeStore(initial: StoredFigureEvent[] = []) {
  const rows = [...initial];
  const sorted = () =>
    [...rows].sort((a, b) => a.createdAtMs - b.createdAtMs || (a.id < b.id ? -1 : 1));
  const state = { reads: 0, failing: false };
  const figureEvents = {
    async after(position: EventPosition, limit: number) {
      state.reads += 1;
      if (state.failing) throw new Error('store down');
      return sorted()
        .filter((e) => later(e, position))
        .slice(0, limit);
    },
    async latestPosition() {
      if (state.failing) throw new Error('store down');
      const last = sorted().at(-1);
      return last === undefined
        ? { createdAtMs: 0, id: '' }
        : { createdAtMs: last.createdAtMs, id: last.id };
    },
  };
  return { store: { figureEvents }, rows, state };
}

const logger = pino({ level: 'silent' });
let tail: EventTail | undefined;
afterEach(() => tail?.stop());

describe('EventTail', () => {
  it("hands each new event to its area's listeners only, once, from the start on", async () => {
    const fake = fakeStore([event('evt_old', SD, 1_000)]);
    tail = new EventTail({ store: fake.store, logger, pollMs: 5 });
    const sd1: string[] = [];
    const sd2: string[] = [];
    const derby: string[] = [];
    tail.subscribe(SD, (e) => sd1.push(e.id));
    tail.subscribe(SD, (e) => sd2.push(e.id));
    tail.subscribe(DERBY, (e) => derby.push(e.id));
    await tail.ready();
    fake.rows.push(event('evt_1', SD, 2_000), event('evt_2', DERBY, 2_000));
    fake.rows.push(event('evt_1', SD, 2_000)); // a replay writes the same event again
    await vi.waitFor(() => expect(derby).toEqual(['evt_2']));
    await vi.waitFor(() => expect(sd1).toEqual(['evt_1']));
    fake.rows.push(event('evt_3', SD, 3_000));
    await vi.waitFor(() => expect(sd2).toEqual(['evt_1', 'evt_3']));
    expect(sd1).toEqual(['evt_1', 'evt_3']);
  });

  it('still hands out an event stored after a newer one, within the lookback', async () => {
    const fake = fakeStore([event('evt_a', SD, 10_000)]);
    tail = new EventTail({ store: fake.store, logger, pollMs: 5, lookbackMs: 5_000 });
    const got: string[] = [];
    tail.subscribe(SD, (e) => got.push(e.id));
    await tail.ready();
    fake.rows.push(event('evt_b', SD, 12_000));
    await vi.waitFor(() => expect(got).toEqual(['evt_b']));
    fake.rows.push(event('evt_late', SD, 11_000), event('evt_too_late', SD, 1_000));
    fake.rows.push(event('evt_c', SD, 13_000));
    await vi.waitFor(() => expect(got).toEqual(['evt_b', 'evt_late', 'evt_c']));
  });

  it('reads a backlog longer than one batch', async () => {
    const fake = fakeStore();
    tail = new EventTail({ store: fake.store, logger, pollMs: 5, batchSize: 3 });
    const got: string[] = [];
    tail.subscribe(SD, (e) => got.push(e.id));
    await tail.ready();
    const ids = Array.from({ length: 10 }, (_, i) => `evt_${String(i).padStart(2, '0')}`);
    fake.rows.push(...ids.map((id) => event(id, SD, 5_000)));
    await vi.waitFor(() => expect(got).toEqual(ids));
  });

  it('polls only while someone listens, and starts again from the newest event', async () => {
    const fake = fakeStore();
    tail = new EventTail({ store: fake.store, logger, pollMs: 5 });
    expect(fake.state.reads).toBe(0);
    const got: string[] = [];
    const unsubscribe = tail.subscribe(SD, (e) => got.push(e.id));
    await tail.ready();
    await vi.waitFor(() => expect(fake.state.reads).toBeGreaterThan(2));
    unsubscribe();
    unsubscribe();
    expect(tail.listenerCount).toBe(0);
    // A poll under way when the last listener left may still finish; then none follows.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reads = fake.state.reads;
    fake.rows.push(event('evt_unheard', SD, 1_000));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.state.reads).toBe(reads);

    tail.subscribe(SD, (e) => got.push(e.id));
    await tail.ready();
    fake.rows.push(event('evt_heard', SD, 2_000));
    await vi.waitFor(() => expect(got).toEqual(['evt_heard']));
  });

  it('logs a failed poll and tries again, and survives a throwing listener', async () => {
    const fake = fakeStore();
    const [info, warn, error] = [vi.fn(), vi.fn(), vi.fn()];
    tail = new EventTail({ store: fake.store, logger: { info, warn, error }, pollMs: 5 });
    const got: string[] = [];
    tail.subscribe(SD, () => {
      throw new Error('a broken stream');
    });
    tail.subscribe(SD, (e) => got.push(e.id));
    await tail.ready();
    fake.state.failing = true;
    const reads = fake.state.reads;
    await vi.waitFor(() => expect(fake.state.reads).toBeGreaterThan(reads + 3));
    // Once for the outage, not once a tick.
    expect(warn).toHaveBeenCalledOnce();
    fake.rows.push(event('evt_1', SD, 1_000));
    fake.state.failing = false;
    await vi.waitFor(() => expect(got).toEqual(['evt_1']));
    expect(info).toHaveBeenCalledWith(
      { failures: expect.any(Number) },
      'reading new figures events again',
    );
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'evt_1' }),
      'a figures event listener failed',
    );
  });

  it('is ready only once it knows where the store ends', async () => {
    const fake = fakeStore();
    fake.state.failing = true;
    tail = new EventTail({ store: fake.store, logger, pollMs: 5 });
    await tail.ready(); // nobody listens: nothing to wait for
    let ready = false;
    tail.subscribe(SD, () => {});
    void tail.ready().then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(ready).toBe(false);
    fake.state.failing = false;
    await vi.waitFor(() => expect(ready).toBe(true));
  });
});
