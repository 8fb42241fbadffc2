import { describe, expect, it } from 'vitest';
import { atLeastWarn, logsInfo } from './log-level.ts';

describe('atLeastWarn', () => {
  it('quietens chatty levels to warn, and never makes a quieter logger talk', () => {
    for (const level of ['trace', 'debug', 'info', 'warn']) expect(atLeastWarn(level)).toBe('warn');
    for (const level of ['error', 'fatal', 'silent']) expect(atLeastWarn(level)).toBe(level);
  });
});

describe('logsInfo', () => {
  it('is true for info and chattier levels (and unknown custom ones)', () => {
    for (const level of ['trace', 'debug', 'info', 'custom']) expect(logsInfo(level)).toBe(true);
    for (const level of ['warn', 'error', 'fatal', 'silent']) expect(logsInfo(level)).toBe(false);
  });
});
