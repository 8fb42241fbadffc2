import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import type { ChildLine, ChildRequest } from './ingest-child.ts';

/** The stated bounds every file, hostile or huge, is ingested within. */
export const FILE_TIME_LIMIT_MS = 60_000;
export const PEAK_RSS_LIMIT_MB = 300;

const CHILD = join(import.meta.dirname, 'ingest-child.ts');

/**
 * Runs ingest-child.ts on the files and returns its line per file. A file still running after
 * `fileLimitMs` kills the child: the refusal must come within the bound, not eventually.
 */
export async function runIngestChild(
  request: ChildRequest,
  fileLimitMs = FILE_TIME_LIMIT_MS,
): Promise<ChildLine[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: ChildLine[] = [];
  let pending = '';
  let stderr = '';
  let overdue: string | undefined;
  // Started when the child has connected and begun the first file is unknowable from here, so the
  // first file's bound also covers starting the process and connecting (generously).
  let timer: NodeJS.Timeout | undefined;
  const arm = (limit: number) => {
    clearTimeout(timer);
    const next = request.files[lines.length];
    timer = setTimeout(() => {
      overdue = next;
      child.kill('SIGKILL');
    }, limit);
  };
  arm(fileLimitMs + 30_000);
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let end;
    while ((end = pending.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(pending.slice(0, end)) as ChildLine);
      pending = pending.slice(end + 1);
      if (lines.length < request.files.length) arm(fileLimitMs);
    }
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  if (overdue !== undefined) {
    throw new Error(`${overdue}: not finished within ${fileLimitMs / 1000} s, stopped\n${stderr}`);
  }
  if (code !== 0 || lines.length !== request.files.length) {
    throw new Error(`the ingest process ended with ${code} after ${lines.length} files\n${stderr}`);
  }
  return lines;
}

/**
 * The batch ids of every message on the topic. The publisher awaited each send's acknowledgement
 * before the child exited, so the topic's end offsets already count every message published.
 */
export async function publishedBatchIds(
  kafka: Kafka,
  topic: string,
  groupId: string,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const total = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  const ids: string[] = [];
  if (total === 0) return ids;
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          ids.push((JSON.parse(message.value!.toString()) as { batchId: string }).batchId);
          if (ids.length === total) resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return ids;
}
