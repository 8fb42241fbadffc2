import { SingleBar, Presets } from 'cli-progress';
import type { InputSource } from '@crimestats/ingest';

export interface FileProgress {
  update(source: InputSource, bytes: number, rows: number): void;
  done(): void;
}

/**
 * A progress bar per file on an interactive terminal (bytes read, rows, rows/s, ETA); silent when
 * output goes to a file or CI log, where the per-file summary says it all.
 */
export function fileProgress(stream: NodeJS.WriteStream = process.stderr): FileProgress {
  if (!stream.isTTY) return { update: () => {}, done: () => {} };
  let bar: SingleBar | undefined;
  let current: InputSource | undefined;
  let started = 0;
  return {
    update(source, bytes, rows) {
      if (current !== source) {
        bar?.stop();
        current = source;
        started = Date.now();
        bar = new SingleBar(
          {
            stream,
            format:
              '{file} |{bar}| {percentage}% · {rows} rows · {rate} rows/s · ETA {eta_formatted}',
            hideCursor: true,
            etaBuffer: 50,
          },
          Presets.shades_classic,
        );
        bar.start(Math.max(source.size, 1), 0, { file: source.name, rows: 0, rate: 0 });
      }
      const seconds = (Date.now() - started) / 1000;
      bar?.update(Math.min(bytes, source.size), {
        rows: rows.toLocaleString('en-GB'),
        rate: seconds > 0 ? Math.round(rows / seconds).toLocaleString('en-GB') : '…',
      });
    },
    done() {
      bar?.stop();
      bar = undefined;
      current = undefined;
    },
  };
}
