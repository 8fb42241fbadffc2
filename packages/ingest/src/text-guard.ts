import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { MAX_LINE_CHARS, MAX_UNDECODABLE_SHARE, TEXT_SAMPLE_CHARS } from './input-limits.ts';

/** Why a file is not CSV text at all, with the line (as the CSV reader numbers them) it was seen on. */
export class NotCsvTextError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'NotCsvTextError';
  }
}

const SAVE_AS_CSV =
  'open it in the spreadsheet program and save it as "CSV UTF-8 (Comma delimited)"';

/** Leading bytes of formats people save or rename as `.csv`, and what to tell them. */
const MAGIC: { bytes: number[]; reason: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    reason: `looks like an Excel workbook (.xlsx) or a zip archive, not CSV text: ${SAVE_AS_CSV}`,
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    reason: `looks like an Excel 97-2003 spreadsheet (.xls), not CSV text: ${SAVE_AS_CSV}`,
  },
  { bytes: [0xff, 0xfe], reason: `is UTF-16 text, not UTF-8: ${SAVE_AS_CSV}` },
  { bytes: [0xfe, 0xff], reason: `is UTF-16 text, not UTF-8: ${SAVE_AS_CSV}` },
  { bytes: [0x1f, 0x8b], reason: 'is gzip-compressed, not CSV text: decompress it first' },
];
const MAGIC_BYTES = 8;

/**
 * Decodes a CSV's bytes as UTF-8 (in one place, so a character split across two chunks stays one
 * character) and refuses, before the parser buffers any of it, what is not CSV text: a spreadsheet
 * or other binary format saved as `.csv` (by its leading bytes), NUL bytes, mostly undecodable
 * bytes, and a row longer than MAX_LINE_CHARS. The parser holds a row whole until its line ends,
 * so without the last check one endless line (or an unclosed quote) takes all memory.
 *
 * Rows are numbered as the CSV reader numbers them: blank lines are not counted, and a quoted
 * field's line breaks do not end its row.
 */
export class CsvTextGuard extends Transform {
  readonly #decoder = new StringDecoder('utf8');
  readonly #onBytes: ((bytes: number) => void) | undefined;
  #head: Buffer | undefined = Buffer.alloc(0);
  #rows = 0;
  #rowChars = 0;
  #rowHasText = false;
  #inQuotes = false;
  #sampled = 0;
  #undecodable = 0;

  constructor(onBytes?: (bytes: number) => void) {
    super({ readableObjectMode: true });
    this.#onBytes = onBytes;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#onBytes?.(chunk.length);
    try {
      if (this.#head !== undefined) {
        // Leading bytes are judged whole even when the stream's first chunk is tiny.
        this.#head = Buffer.concat([this.#head, chunk]);
        if (this.#head.length < MAGIC_BYTES) return done();
        chunk = this.#head;
        this.#head = undefined;
        this.#checkMagic(chunk);
      }
      this.#pass(this.#decoder.write(chunk));
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.#head !== undefined) {
        this.#checkMagic(this.#head);
        this.#pass(this.#decoder.write(this.#head));
      }
      this.#pass(this.#decoder.end());
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  #checkMagic(head: Buffer): void {
    for (const { bytes, reason } of MAGIC) {
      if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) {
        throw new NotCsvTextError(1, `the file ${reason}`);
      }
    }
  }

  #pass(text: string): void {
    if (text.length === 0) return;
    const nul = text.indexOf('\0');
    this.#scanRows(nul < 0 ? text : text.slice(0, nul));
    if (nul >= 0) {
      throw new NotCsvTextError(
        this.#rows + 1,
        'holds a NUL byte: this is binary data (or UTF-16 text), not UTF-8 CSV text',
      );
    }
    this.#sampleDecoding(text);
    this.push(text);
  }

  /** Random bytes are mostly invalid UTF-8; a few undecodable characters in real text are let be. */
  #sampleDecoding(text: string): void {
    if (this.#sampled >= TEXT_SAMPLE_CHARS) return;
    const sample =
      text.length > TEXT_SAMPLE_CHARS - this.#sampled
        ? text.slice(0, TEXT_SAMPLE_CHARS - this.#sampled)
        : text;
    for (let i = sample.indexOf('\uFFFD'); i >= 0; i = sample.indexOf('\uFFFD', i + 1)) {
      this.#undecodable++;
    }
    this.#sampled += sample.length;
    if (this.#undecodable > 16 && this.#undecodable > this.#sampled * MAX_UNDECODABLE_SHARE) {
      throw new NotCsvTextError(
        this.#rows + 1,
        `${this.#undecodable} of the first ${this.#sampled} characters are not valid UTF-8: ` +
          'this is binary data, or text in another encoding; save it as "CSV UTF-8"',
      );
    }
  }

  /** Follows row ends (line breaks outside quotes) a search at a time, not a character at a time. */
  #scanRows(text: string): void {
    let at = 0;
    let quote = text.indexOf('"');
    let newline = text.indexOf('\n');
    while (at < text.length) {
      if (this.#inQuotes) {
        if (quote < 0) {
          this.#grow(text.length - at, true);
          return;
        }
        this.#grow(quote + 1 - at, true);
        this.#inQuotes = false;
        at = quote + 1;
        quote = text.indexOf('"', at);
        if (newline >= 0 && newline < at) newline = text.indexOf('\n', at);
      } else if (newline >= 0 && (quote < 0 || newline < quote)) {
        const end = newline > at && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        this.#grow(end - at, end > at);
        if (this.#rowHasText) this.#rows++;
        this.#rowChars = 0;
        this.#rowHasText = false;
        at = newline + 1;
        newline = text.indexOf('\n', at);
      } else if (quote >= 0) {
        this.#grow(quote + 1 - at, true);
        this.#inQuotes = true;
        at = quote + 1;
        quote = text.indexOf('"', at);
      } else {
        // A blank CRLF line cut between its CR and LF is still blank.
        const loneCr = text.length - at === 1 && text.charCodeAt(at) === 13;
        this.#grow(text.length - at, !loneCr);
        return;
      }
    }
  }

  #grow(chars: number, hasText: boolean): void {
    this.#rowChars += chars;
    if (hasText && chars > 0) this.#rowHasText = true;
    if (this.#rowChars > MAX_LINE_CHARS) {
      throw new NotCsvTextError(
        this.#rows + 1,
        `the row is longer than ${MAX_LINE_CHARS.toLocaleString('en-GB')} characters` +
          (this.#inQuotes ? ' (a quote opened on it is never closed)' : '') +
          ': not a CSV row (real rows are a few hundred characters)',
      );
    }
  }
}
