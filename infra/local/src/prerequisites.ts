import { spawnSync } from 'node:child_process';

/** A tool the local stack needs and could not find, with how to get it. */
export class MissingPrerequisiteError extends Error {
  constructor(
    readonly tool: string,
    readonly howToGet: string,
  ) {
    super(`${tool} is required to run the local stack but was not found on PATH. ${howToGet}`);
    this.name = 'MissingPrerequisiteError';
  }
}

export function findOnPath(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

export function requireJava(): string {
  const java = findOnPath('java');
  if (!java) {
    throw new MissingPrerequisiteError(
      'Java (17 or newer)',
      'Install a JDK, e.g. `apt-get install -y default-jdk-headless` on Debian/Ubuntu, or set KAFKA_BROKERS to use an existing broker.',
    );
  }
  return java;
}

export function requireMaven(): string {
  const mvn = findOnPath('mvn');
  if (!mvn) {
    throw new MissingPrerequisiteError(
      'Maven',
      'It fetches the Kafka broker jars from Maven Central once per machine. Install it, e.g. `apt-get install -y maven`, or set KAFKA_BROKERS to use an existing broker.',
    );
  }
  return mvn;
}

/** The ClickHouse server command: a `clickhouse` multi-tool binary if present, else Debian's `clickhouse-server`. */
export function requireClickHouse(): { command: string; args: string[] } {
  const multiTool = findOnPath('clickhouse');
  if (multiTool) return { command: multiTool, args: ['server'] };
  const server = findOnPath('clickhouse-server');
  if (server) return { command: server, args: [] };
  throw new MissingPrerequisiteError(
    'ClickHouse server',
    "Put a `clickhouse` binary on PATH, or install Debian's package with `apt-get install -y clickhouse-server`, or set CLICKHOUSE_URL to use an existing server.",
  );
}
