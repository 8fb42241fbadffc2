/** `YYYY-MM` plus `count` months (count may be negative). Inputs are validated months. */
export function addMonths(month: string, count: number): string {
  const [year, monthOfYear] = month.split('-').map(Number);
  const index = (year ?? 0) * 12 + (monthOfYear ?? 1) - 1 + count;
  const newYear = Math.floor(index / 12);
  return `${String(newYear).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months a record starting at `month` and spanning `span` months covers, in order. */
export function monthsCovered(month: string, span: number): string[] {
  return Array.from({ length: span }, (_, i) => addMonths(month, i));
}
