import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryCodeFromLabel } from './category-code.ts';

describe('categoryCodeFromLabel', () => {
  it.each([
    ['Burglary - business and community', 'burglary-business-and-community'],
    ['Total recorded crime', 'total-recorded-crime'],
    ['Theft of a motor vehicle', 'theft-of-a-motor-vehicle'],
    ['Anti-social behaviour', 'anti-social-behaviour'],
    ['Vehicle crime', 'vehicle-crime'],
    ['Violence and sexual offences', 'violence-and-sexual-offences'],
    ['Criminal damage and arson', 'criminal-damage-and-arson'],
    ['  --Drugs!!  ', 'drugs'],
    ['Stalking & harassment', 'stalking-harassment'],
    ['Section 5 / Public Order', 'section-5-public-order'],
    ['already-a-code', 'already-a-code'],
    ['Café crime', 'caf-crime'],
    ['---', ''],
    ['', ''],
  ])('%j → %j', (label, code) => {
    expect(categoryCodeFromLabel(label)).toBe(code);
  });

  it('always yields a dashed lower-case code, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (label) => {
        const code = categoryCodeFromLabel(label);
        expect(code).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
        expect(categoryCodeFromLabel(code)).toBe(code);
      }),
    );
  });
});
