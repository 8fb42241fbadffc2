import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';
import { monthlyCountsCsv, SAMPLE_FILE } from './sample-data.ts';

describe('bundled sample', () => {
  it('is the plan series the golden test checks (regenerate with `pnpm sample:write`)', () => {
    expect(readFileSync(SAMPLE_FILE, 'utf8')).toBe(monthlyCountsCsv(buildPlanMonthlyCounts()));
  });
});
