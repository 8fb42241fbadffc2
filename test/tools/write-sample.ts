// Regenerates single-machine mode's bundled sample from the plan series: `pnpm sample:write`.
// A tool, not production code: it builds the sample with the stats package's test fixtures.
import { writeFileSync } from 'node:fs';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';
import { monthlyCountsCsv, SAMPLE_FILE } from '@crimestats/single-machine';

writeFileSync(SAMPLE_FILE, monthlyCountsCsv(buildPlanMonthlyCounts()));
console.log(`wrote ${SAMPLE_FILE}`);
