import { describe, expect, it } from 'vitest';
import { defaultAreas } from '@crimestats/domain';
import { partitionKeyOf } from './kafka-sink.ts';

describe('partitionKeyOf', () => {
  it('keys every area of a force, rollups included, by the force', () => {
    for (const area of defaultAreas.all()) {
      expect(partitionKeyOf(defaultAreas, area.code)).toBe('E23000018');
    }
  });

  it('keeps the code of an area it cannot place', () => {
    expect(partitionKeyOf(defaultAreas, 'E07000000')).toBe('E07000000');
  });
});
