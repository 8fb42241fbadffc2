import { pipeline, type Readable } from 'node:stream';
import Papa from 'papaparse';
import { CsvTextGuard } from './text-guard.ts';

export interface CsvHandlers {
  /** Receives the header row; throwing refuses the file before any row is read. */
  header(fields: string[]): void;
  /** Receives each data row with its line number (the header is line 1). */
  row(fields: string[], line: number): void;
}

export interface CsvReadResult {
  rows: number;
}

/**
 * Streams a CSV through papaparse (the fastest of the streaming parsers measured here), so memory
 * stays flat however large the file. Byte-order marks, CRLF and quoted fields with commas or quotes
 * are handled by the parser. A quoted field spanning lines counts as one line. What is not CSV text
 * (a spreadsheet, binary data, an endless row) is refused first, by CsvTextGuard, with its line.
 */
export function readCsv(
  input: Readable,
  handlers: CsvHandlers,
  onBytes?: (bytes: number) => void,
): Promise<CsvReadResult> {
  return new Promise((resolve, reject) => {
    let line = 0;
    let failure: unknown;
    // Decoded by the guard, not by papaparse chunk by chunk: a character of several bytes split
    // across two chunks (the ô of Ynys Môn) would otherwise become two replacement characters.
    const text = new CsvTextGuard(onBytes);
    // The pipeline passes the input's own errors (a damaged archive entry) on to `text`.
    pipeline(input, text, () => {});
    text.once('error', (error) => reject(failure ?? error));
    // Rows arrive a chunk at a time: papaparse's per-row `step` builds a result object, filters a
    // one-row array and wraps it for every row, which costs more than most callers' own work.
    Papa.parse<string[]>(text as unknown as File, {
      skipEmptyLines: true,
      chunk: (result, parser) => {
        if (failure !== undefined) return;
        const rows = result.data;
        try {
          for (let i = 0; i < rows.length; i++) {
            line++;
            if (line === 1) handlers.header(rows[i]!.map((f) => f.trim()));
            else handlers.row(rows[i]!, line);
          }
        } catch (error) {
          failure = error;
          parser.abort();
          text.destroy();
        }
      },
      complete: () =>
        failure === undefined ? resolve({ rows: Math.max(0, line - 1) }) : reject(failure),
      error: (error: Error) => reject(failure ?? error),
    });
  });
}
