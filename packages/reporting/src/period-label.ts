import { monthParts, parseMonth } from '@crimestats/domain';

// Fixed English names: the plan's readers expect "Jan 2025" whatever the machine's locale.
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "2025-01" → "Jan 2025". */
export function monthLabel(month: string): string {
  const { year, month: number } = monthParts(parseMonth(month));
  return `${MONTH_NAMES[number - 1] ?? '?'} ${year}`;
}

/** "12 months", "1 month". */
export function monthsLabel(months: number): string {
  return months === 1 ? '1 month' : `${months} months`;
}

/** "Jan 2025 – Dec 2025 (12 months)", or "Dec 2025 (1 month)" for a single month. */
export function periodLabel(period: { start: string; end: string; months: number }): string {
  const span =
    period.start === period.end
      ? monthLabel(period.end)
      : `${monthLabel(period.start)} – ${monthLabel(period.end)}`;
  return `${span} (${monthsLabel(period.months)})`;
}
