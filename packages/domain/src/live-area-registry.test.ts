import { describe, expect, it } from 'vitest';
import { AreaRegistry } from './area-registry.ts';
import { defaultAreas } from './default-reference.ts';
import { liveAreaRegistry } from './live-area-registry.ts';
import { withReferenceAreas } from './reference-areas.ts';

const withExampleshire = withReferenceAreas(defaultAreas, [
  {
    areaCode: 'E07000901',
    areaName: 'Alphaton',
    forceCode: 'E23000099',
    forceName: 'Exampleshire',
    policeUkName: 'Exampleshire Police',
  },
]);

describe('liveAreaRegistry', () => {
  it('answers every lookup from the registry current at the call', () => {
    let current = defaultAreas;
    const live = liveAreaRegistry(() => current);
    expect(live).toBeInstanceOf(AreaRegistry);
    expect(live.byCode('E07000901')).toBeUndefined();
    expect(live.forceByPoliceUkName('Exampleshire Police')).toBeUndefined();

    current = withExampleshire;
    expect(live.byCode('E07000901')?.name).toBe('Alphaton');
    expect(live.forceOf('E07000901')?.code).toBe('E23000099');
    expect(live.cspMembersOf('E23000099').map((a) => a.code)).toEqual(['E07000901']);
    expect(live.all()).toBe(withExampleshire.all());
    // A method taken off the registry keeps answering from the one it was taken from.
    const { forces } = live;
    current = defaultAreas;
    expect(forces().map((f) => f.code)).toContain('E23000099');
    expect(live.forces().map((f) => f.code)).not.toContain('E23000099');
  });

  it('gives the current registry as its snapshot, a key for what is derived from it', () => {
    let current = defaultAreas;
    const live = liveAreaRegistry(() => current);
    expect(live.snapshot).toBe(defaultAreas);
    current = withExampleshire;
    expect(live.snapshot).toBe(withExampleshire);
    expect(defaultAreas.snapshot).toBe(defaultAreas);
  });
});
