import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { fileIngester, kafkaIngestSink } from '@crimestats/ingest';
import { connectKafka, Publisher } from '@crimestats/kafka';
import { readFileSync } from 'node:fs';
import pino from 'pino';

// Ingests files one by one through the path uploads and the drop folder take (`fileIngester`:
// archive expansion, CSV reading, validation, publishing to the real broker), in a process of its
// own so that the time and the peak memory measured are the ingest's alone. Prints one JSON line
// per file: the batch report, the milliseconds taken, and the process's peak RSS so far.

export interface ChildRequest {
  brokers: string[];
  topics: { records: string; populations: string };
  files: string[];
}

export interface ChildLine {
  path: string;
  ms: number;
  peakRssMb: number;
  report: Awaited<ReturnType<ReturnType<typeof fileIngester>>>;
}

/**
 * The process's peak resident memory so far, from Linux's VmHWM. Not getrusage's maxRSS: Linux
 * carries that over from the parent across fork and exec, so a child of a large test runner
 * starts with the runner's peak.
 */
function peakRssMb(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

const request = JSON.parse(process.argv[2]!) as ChildRequest;
const logger = pino({ level: 'silent' });
const kafka = connectKafka({ brokers: request.brokers, clientId: 'hostile-files', logger });
const publisher = await Publisher.connect(kafka, logger);
try {
  const ingest = fileIngester({
    areas: defaultAreas,
    categories: defaultCategories,
    force: defaultAreas.get('E23000018'),
    sink: kafkaIngestSink(publisher, request.topics),
  });
  for (const path of request.files) {
    const started = performance.now();
    const report = await ingest(path);
    const line: ChildLine = {
      path,
      ms: Math.round(performance.now() - started),
      peakRssMb: peakRssMb(),
      report,
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
} finally {
  await publisher.disconnect();
}
