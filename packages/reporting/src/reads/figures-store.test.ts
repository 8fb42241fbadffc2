import { describe, expect, it } from 'vitest';
import { describeTarget } from './figures-store.ts';

describe('describeTarget', () => {
  it('names a server by its address, without credentials', () => {
    expect(describeTarget({ kind: 'server', url: 'http://alice:secret@db.example:8123/' })).toBe(
      'ClickHouse at http://db.example:8123',
    );
    expect(describeTarget({ kind: 'server', url: 'https://db.example/ch', password: 'x' })).toBe(
      'ClickHouse at https://db.example/ch',
    );
  });

  it('names the embedded engine by its folder', () => {
    expect(describeTarget({ kind: 'embedded', path: '/home/a/.crimestats/chdb' })).toBe(
      'the embedded engine at /home/a/.crimestats/chdb',
    );
  });

  it('does not echo a URL it cannot read', () => {
    expect(describeTarget({ kind: 'server', url: 'not a url :secret@' })).toBe(
      'ClickHouse (unreadable URL)',
    );
  });
});
