// Peak resident memory of every process under this one (the CLI, the aggregators, and the local
// Kafka broker and ClickHouse server when the test kit started them), read from Linux's
// /proc/<pid>/status VmHWM while they run, since a process's peak is gone once it has exited.
import { readdirSync, readFileSync } from 'node:fs';

const POLL_MS = 500;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Children of each process, from /proc/<pid>/stat's fourth field. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // The command name (second field) is in parentheses and may hold spaces.
    const parent = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isFinite(parent)) continue;
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function label(pid: number): string {
  const cmdline = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ');
  if (/clickhouse/i.test(cmdline)) return 'ClickHouse server';
  if (/kafka\.Kafka|kafka-server|redpanda/i.test(cmdline)) return 'Kafka broker';
  return cmdline.slice(0, 60);
}

export class PeakMemory {
  readonly #root: number;
  readonly #names = new Map<number, string>();
  readonly #peaksKb = new Map<number, number>();
  #timer: NodeJS.Timeout | undefined;

  constructor(root: number) {
    this.#root = root;
  }

  /** Reports `pid` under `name`. */
  name(pid: number, name: string): void {
    this.#names.set(pid, name);
  }

  start(): void {
    this.#timer ??= setInterval(() => this.#sample(), POLL_MS);
  }

  stop(): void {
    if (this.#timer) this.#sample();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #sample(): void {
    for (const pid of [this.#root, ...descendants(this.#root)]) {
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '')?.[1] ?? 0);
      if (kb > (this.#peaksKb.get(pid) ?? 0)) this.#peaksKb.set(pid, kb);
      if (!this.#names.has(pid))
        this.#names.set(pid, pid === this.#root ? 'benchmark' : label(pid));
    }
  }

  /** One line per named process, largest first; processes under 20 MB (shells, pnpm) left out. */
  report(): string[] {
    return [...this.#peaksKb]
      .filter(([, kb]) => kb >= 20 * 1024)
      .sort((a, b) => b[1] - a[1])
      .map(([pid, kb]) => `${String(Math.round(kb / 1024)).padStart(6)}  ${this.#names.get(pid)}`);
  }
}
