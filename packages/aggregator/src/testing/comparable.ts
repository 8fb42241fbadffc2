import type { FigureRow } from '@crimestats/store';

/** A figure row without when and how often it was computed: what a replay must leave unchanged. */
export function comparable(rows: FigureRow[]): Omit<FigureRow, 'computedAt' | 'version'>[] {
  return rows
    .map(({ computedAt: _c, version: _v, ...rest }) => rest)
    .sort((a, b) =>
      `${a.category}|${a.periodEnd}|${a.areaCode}`.localeCompare(
        `${b.category}|${b.periodEnd}|${b.areaCode}`,
      ),
    );
}
