import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { requireJava, requireMaven } from './prerequisites.ts';
import { startProcess, waitUntilReady, type RunningProcess } from './managed-process.ts';
import { kafkaPomPath, renderTemplate, templatePath } from './templates.ts';

export const KAFKA_VERSION = '3.9.1';

export interface KafkaBrokerOptions {
  /** Holds the broker's config and data. */
  dir: string;
  /** Where the broker's log goes; defaults to `dir`. */
  logDir?: string;
  port: number;
  controllerPort: number;
  cacheDir: string;
  detached?: boolean;
  readyTimeoutMs?: number;
}

export interface StartedKafkaBroker {
  process: RunningProcess;
  brokers: string[];
}

/**
 * Resolves the broker jars from Maven Central once per machine. A half-finished download never
 * counts: the jars are collected in a scratch folder and renamed into place at the end.
 */
export async function ensureKafkaJars(
  cacheDir: string,
  say: (msg: string) => void = () => {},
): Promise<string> {
  const libs = join(cacheDir, `kafka-${KAFKA_VERSION}`, 'libs');
  if (existsSync(join(libs, `kafka_2.13-${KAFKA_VERSION}.jar`))) return libs;
  const mvn = requireMaven();
  requireJava();
  say(
    `Fetching Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${libs} (once per machine)…`,
  );
  const scratch = `${libs}.partial-${process.pid}`;
  await mkdir(scratch, { recursive: true });
  const result = spawnSync(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      kafkaPomPath,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${scratch}`,
      '-DincludeScope=runtime',
      `-Dkafka.version=${KAFKA_VERSION}`,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    await rm(scratch, { recursive: true, force: true });
    throw new Error(`Maven could not fetch the Kafka jars:\n${result.stdout}\n${result.stderr}`);
  }
  await mkdir(join(libs, '..'), { recursive: true });
  try {
    await rename(scratch, libs);
  } catch (error) {
    // Another run finished first; its copy is as good as ours.
    await rm(scratch, { recursive: true, force: true });
    if (!existsSync(libs)) throw error;
  }
  return libs;
}

/**
 * Kafka cluster ids are 16 random bytes, base64url without padding. One that starts with '-'
 * would be read by StorageTool as an option, so draw again.
 */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function formatStorage(
  java: string,
  libs: string,
  propsFile: string,
  dataDir: string,
): Promise<void> {
  if (existsSync(join(dataDir, 'meta.properties'))) return;
  const result = spawnSync(
    java,
    [
      '-Xmx256m',
      '-cp',
      `${libs}/*`,
      `-Dlog4j.configuration=file:${templatePath('kafka-log4j.properties')}`,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      newClusterId(),
      '-c',
      propsFile,
      '--ignore-formatted',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`Kafka storage format failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export async function kafkaAnswers(brokers: string[]): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'crimestats-stack-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export async function startKafkaBroker(opts: KafkaBrokerOptions): Promise<StartedKafkaBroker> {
  const java = requireJava();
  const libs = await ensureKafkaJars(opts.cacheDir);
  const dataDir = join(opts.dir, 'data');
  await mkdir(dataDir, { recursive: true });
  const propsFile = join(opts.dir, 'server.properties');
  await renderTemplate(
    'kafka-server.properties',
    { port: opts.port, controllerPort: opts.controllerPort, dataDir },
    propsFile,
  );
  await formatStorage(java, libs, propsFile, dataDir);
  const proc = startProcess({
    name: 'kafka',
    command: java,
    args: [
      '-Xms256m',
      '-Xmx512m',
      '-XX:+UseG1GC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${templatePath('kafka-log4j.properties')}`,
      '-cp',
      `${libs}/*`,
      'kafka.Kafka',
      propsFile,
    ],
    logFile: join(opts.logDir ?? opts.dir, 'kafka.log'),
    detached: opts.detached,
  });
  const brokers = [`127.0.0.1:${opts.port}`];
  await waitUntilReady(proc, () => kafkaAnswers(brokers), opts.readyTimeoutMs ?? 90_000);
  return { process: proc, brokers };
}

export async function kafkaJarsCached(cacheDir: string): Promise<boolean> {
  const libs = join(cacheDir, `kafka-${KAFKA_VERSION}`, 'libs');
  return existsSync(libs) && (await readdir(libs)).length > 0;
}
