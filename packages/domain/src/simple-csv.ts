/**
 * Reads the package's own reference CSV files: a header line, comma-separated fields, no
 * quoting. Quoted fields are refused rather than misread; user files go through the ingest
 * parsers instead.
 */
export function parseSimpleCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const [headerLine, ...dataLines] = lines;
  if (headerLine === undefined) return [];
  const header = splitLine(headerLine, 1);
  return dataLines.map((line, index) => {
    const lineNumber = index + 2;
    const fields = splitLine(line, lineNumber);
    if (fields.length !== header.length) {
      throw new RangeError(
        `line ${lineNumber}: expected ${header.length} fields, found ${fields.length}`,
      );
    }
    return Object.fromEntries(header.map((name, column) => [name, fields[column] ?? '']));
  });
}

function splitLine(line: string, lineNumber: number): string[] {
  if (line.includes('"'))
    throw new RangeError(`line ${lineNumber}: quoted fields are not supported`);
  return line.split(',').map((field) => field.trim());
}
