import type { ComparisonAnswerRow } from '@crimestats/reporting';

/** The rollup kinds the rates chart draws as lines across the bars, in drawing order. */
const ROLLUP_KINDS = ['county', 'force'] as const;

/**
 * The rollup rows the rates chart draws as lines: of each kind, the one row the answer has or,
 * where it has several (the national table has every force's), the one the chosen area is in,
 * so a line is never another force's rate drawn as if it were the chosen area's. None of a kind
 * when no chosen area is in one, or its rate is unknown.
 */
export function ratesChartRollups(
  rows: readonly ComparisonAnswerRow[],
  chosen: string,
  contains: (rollup: string, area: string) => boolean,
): ComparisonAnswerRow[] {
  return ROLLUP_KINDS.flatMap((kind) => {
    const ofKind = rows.filter((row) => row.area.kind === kind);
    const drawn =
      ofKind.length === 1
        ? ofKind[0]
        : ofKind.find((row) => chosen !== '' && contains(row.area.code, chosen));
    return drawn === undefined || drawn.ratePer1000 === null ? [] : [drawn];
  });
}
