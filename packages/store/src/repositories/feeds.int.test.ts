import { describe, expect, it } from 'vitest';
import { clickhouseEngines } from '../testing/index.ts';
import { withMigratedDatabase } from '../testing/migrated-database.ts';
import { FeedsRepository } from './feeds.ts';

const hash = (digit: string) => digit.repeat(64);

describe.each(clickhouseEngines)('feeds (%s)', (engine) => {
  it('finds feeds by id and token hash, lists them by area, and revokes them for good', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new FeedsRepository(db.client, db.database);
      await repo.create({
        id: 'feed_a',
        area: 'E07000039',
        tokenHash: hash('a'),
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      await repo.create({
        id: "feed_b'",
        area: 'E06000015',
        tokenHash: hash('b'),
        createdAt: '2026-01-02T00:00:00.000Z',
      });
      expect(await repo.get('feed_a')).toEqual({
        id: 'feed_a',
        area: 'E07000039',
        tokenHash: hash('a'),
        createdAt: '2026-01-01T00:00:00.000Z',
        version: 1,
      });
      expect((await repo.byTokenHash(hash('b')))?.id).toBe("feed_b'");
      expect(await repo.byTokenHash(hash('c'))).toBeUndefined();
      expect((await repo.list()).map((f) => f.id)).toEqual(['feed_a', "feed_b'"]);
      expect((await repo.list('E06000015')).map((f) => f.id)).toEqual(["feed_b'"]);

      expect(await repo.revoke('feed_a')).toBe(true);
      expect(await repo.get('feed_a')).toBeUndefined();
      expect(await repo.byTokenHash(hash('a'))).toBeUndefined();
      expect(await repo.revoke('feed_a')).toBe(false);
      expect(await repo.revoke('feed_none')).toBe(false);
      expect((await repo.list()).map((f) => f.id)).toEqual(["feed_b'"]);
    });
  });

  it('refuses a token hash that is not a SHA-256 in hex', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new FeedsRepository(db.client, db.database);
      await expect(
        repo.create({
          id: 'feed_x',
          area: 'E07000039',
          tokenHash: 'not-a-hash',
          createdAt: '2026-01-01T00:00:00.000Z',
        }),
      ).rejects.toThrow(/SHA-256/);
      expect(await repo.list()).toEqual([]);
    });
  });
});
