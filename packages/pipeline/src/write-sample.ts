// Regenerates the bundled sample from the plan series: `pnpm sample:write`.
import { writeFileSync } from 'node:fs';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';
import { monthlyCountsCsv, SAMPLE_FILE } from './sample-data.ts';

writeFileSync(SAMPLE_FILE, monthlyCountsCsv(buildPlanMonthlyCounts()));
console.log(`wrote ${SAMPLE_FILE}`);
