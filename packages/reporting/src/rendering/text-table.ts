export type Alignment = 'left' | 'right';

export interface TextColumn {
  header: string;
  align: Alignment;
}

const GAP = '  ';

/**
 * Plain-text columns padded to their widest cell, a rule under the header and a rule between
 * groups of rows (the plan sets its rollup rows apart so). Lines carry no trailing spaces.
 * Widths count UTF-16 units, which is right for the names and marks we print (no wide glyphs).
 */
export function textTable(columns: readonly TextColumn[], groups: readonly string[][][]): string {
  const rows = groups.flat();
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 0;
        return column.align === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join(GAP)
      .trimEnd();
  const rule = '-'.repeat(
    widths.reduce((sum, width) => sum + width, 0) + GAP.length * (columns.length - 1),
  );
  const body = groups
    .filter((group) => group.length > 0)
    .map((group) => group.map(line).join('\n'))
    .join(`\n${rule}\n`);
  const header = line(columns.map((column) => column.header));
  return body === '' ? `${header}\n${rule}` : `${header}\n${rule}\n${body}`;
}
