import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireInfrastructure, createTestTopics, loadTestkitConfig } from '@crimestats/testkit';
import { writePoliceUkFile } from '../../packages/ingest/src/testing/generate-police-uk.ts';
import {
  FILE_TIME_LIMIT_MS,
  PEAK_RSS_LIMIT_MB,
  publishedBatchIds,
  runIngestChild,
} from './ingest-child-run.ts';

// `pnpm test:hostile-large`: a valid police.uk file of over 1 GB must pass the ingest within the
// hostile files' bounds (60 s, 300 MB peak RSS), publishing to a real broker. Kept out of the
// default run: making the file alone takes about half a minute on a busy two-core machine.

const ROWS = 3_900_000; // about 260 bytes a row

const infra = await acquireInfrastructure(loadTestkitConfig(), (m) => console.log(m));
const scratch = mkdtempSync(join(tmpdir(), 'crimestats-hostile-large-'));
let failed = false;
try {
  const file = join(scratch, '2025-06-derbyshire-street.csv');
  const made = performance.now();
  await writePoliceUkFile(file, { rows: ROWS, month: '2025-06', seed: 15 });
  const bytes = statSync(file).size;
  console.log(
    `made ${(bytes / 1e9).toFixed(2)} GB, ${ROWS} rows, in ${((performance.now() - made) / 1000).toFixed(1)} s`,
  );
  const t = await createTestTopics(infra.kafka.brokers, ['records', 'populations']);
  try {
    const [line] = await runIngestChild({
      brokers: infra.kafka.brokers,
      topics: { records: t.topics.records!, populations: t.topics.populations! },
      files: [file],
    });
    const report = line!.report.files[0]!;
    const published = await publishedBatchIds(t.kafka, t.topics.records!, t.groupId);
    console.log(
      `ingested in ${(line!.ms / 1000).toFixed(1)} s (${Math.round(ROWS / (line!.ms / 1000))} rows/s), ` +
        `peak RSS ${line!.peakRssMb} MB; ${report.status}, ${report.rows} rows, ` +
        `${report.records} records published, ${published.length} on the topic`,
    );
    const failures = [
      bytes > 1e9 ? undefined : `the file is ${bytes} bytes, not over 1 GB`,
      report.status === 'accepted' ? undefined : `status ${report.status}: ${report.error ?? ''}`,
      report.rows === ROWS ? undefined : `${report.rows} rows read, not ${ROWS}`,
      published.length === report.records ? undefined : `${published.length} records on the topic`,
      line!.ms < FILE_TIME_LIMIT_MS ? undefined : `took ${line!.ms} ms`,
      line!.peakRssMb < PEAK_RSS_LIMIT_MB ? undefined : `peak RSS ${line!.peakRssMb} MB`,
    ].filter((f) => f !== undefined);
    for (const failure of failures) console.error(`FAILED: ${failure}`);
    failed = failures.length > 0;
  } finally {
    await t.cleanup();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  await infra.stop();
}
if (failed) process.exitCode = 1;
else console.log('ok');
