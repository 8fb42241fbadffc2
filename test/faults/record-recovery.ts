import { appendFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { RecoveryLine } from './recovery-report.ts';

/** Prints a case's time to recover now, and keeps it for the table at the end of the run. */
export function recordRecovery(line: RecoveryLine): void {
  console.log(
    `[faults] ${line.name}: recovered in ${(line.recoveryMs / 1000).toFixed(1)} s (seed ${line.seed}; ${line.detail})`,
  );
  appendFileSync(inject('faultsReportFile'), `${JSON.stringify(line)}\n`);
}
