import { Command } from 'commander';
import { loadLocalStackConfig } from './config.ts';
import { logsDir, stackDown, stackStatus, stackUp, type ComponentStatus } from './dev-stack.ts';
import { MissingPrerequisiteError } from './prerequisites.ts';

const say = (msg: string): void => console.log(msg);

function printStatus(statuses: ComponentStatus[]): void {
  for (const s of statuses) {
    console.log(
      `${s.name.padEnd(11)} ${s.state.padEnd(22)} ${s.address ?? ''}${s.pid ? `  (pid ${s.pid})` : ''}`,
    );
  }
}

const program = new Command('stack').description(
  'The local development stack: a Kafka broker and a ClickHouse server on this machine',
);

program
  .command('up')
  .description('start Kafka and ClickHouse (safe to repeat)')
  .action(async () => {
    const config = loadLocalStackConfig();
    const statuses = await stackUp(config, say);
    printStatus(statuses);
    console.log(`logs: ${logsDir(config)}`);
    console.log(
      `use: KAFKA_BROKERS=127.0.0.1:${config.ports.kafka} CLICKHOUSE_URL=http://127.0.0.1:${config.ports.clickhouseHttp}`,
    );
  });

program
  .command('down')
  .description('stop what `up` started (safe to repeat)')
  .action(async () => stackDown(loadLocalStackConfig(), say));

program
  .command('status')
  .description('show whether each part is running; exit 1 unless all are')
  .action(async () => {
    const statuses = await stackStatus(loadLocalStackConfig());
    printStatus(statuses);
    if (statuses.some((s) => s.state !== 'running')) process.exitCode = 1;
  });

program.parseAsync().catch((error: unknown) => {
  if (error instanceof MissingPrerequisiteError) {
    console.error(`error: ${error.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
