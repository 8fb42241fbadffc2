import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { BatchReport } from '@crimestats/contracts';

export interface IngestMetrics {
  registry: Registry;
  observe(report: BatchReport, via: 'upload' | 'drop-folder'): void;
}

export function ingestMetrics(): IngestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const files = new Counter({
    name: 'crimestats_ingest_files_total',
    help: 'Input files handled, by outcome and how they arrived',
    labelNames: ['status', 'via'],
    registers: [registry],
  });
  const rows = new Counter({
    name: 'crimestats_ingest_rows_total',
    help: 'Data rows read from input files',
    registers: [registry],
  });
  const records = new Counter({
    name: 'crimestats_ingest_records_published_total',
    help: 'Monthly records published to Kafka',
    registers: [registry],
  });
  return {
    registry,
    observe(report, via) {
      for (const file of report.files) {
        files.inc({ status: file.status, via });
        rows.inc(file.rows);
        records.inc(file.records);
      }
    },
  };
}
