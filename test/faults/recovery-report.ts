import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    faultsReportFile: string;
  }
}

export interface RecoveryLine {
  name: string;
  /** From the fault's end (the restart, the server back) to every figure or delivery as in a clean run. */
  recoveryMs: number;
  seed: number;
  detail: string;
}

/**
 * Vitest global setup of `pnpm test:faults`: the cases run in their own processes and append a
 * line each to one file, so the run can end with every recovery time in one table.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'crimestats-faults-report-'));
  const file = join(dir, 'recoveries.jsonl');
  project.provide('faultsReportFile', file);
  const started = Date.now();
  return () => {
    const lines = existsSync(file)
      ? readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as RecoveryLine)
      : [];
    rmSync(dir, { recursive: true, force: true });
    const width = Math.max(10, ...lines.map((l) => l.name.length));
    console.log(
      [
        '',
        `fault recovery times (suite ${((Date.now() - started) / 1000).toFixed(0)} s):`,
        ...lines.map(
          (l) =>
            `  ${l.name.padEnd(width)}  ${(l.recoveryMs / 1000).toFixed(1).padStart(7)} s  seed ${l.seed}  ${l.detail}`,
        ),
        lines.length === 0 ? '  (no case recovered)' : '',
      ].join('\n'),
    );
  };
}
