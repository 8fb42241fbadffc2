import { monthLabel } from '@crimestats/domain';
import type { AnswerBasis } from './comparison-answer.ts';

/** "Based on the data loaded … (latest month …)." under a table; undefined before any load. */
export function basisNote(basis: AnswerBasis | undefined): string | undefined {
  if (basis?.loadedAt == null || basis.latestMonth == null) return undefined;
  return `Based on the data loaded ${loadedAtLabel(basis.loadedAt)} (latest month ${monthLabel(basis.latestMonth)}).`;
}

// "2026-01-15T09:30:00.000Z" → "2026-01-15 09:30 UTC": minutes are enough to tell loads apart.
export function loadedAtLabel(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Notes under a table: none, or a blank line and then each note. */
export function noteLines(notes: readonly (string | undefined)[]): string[] {
  const lines = notes.filter((note): note is string => note !== undefined);
  return lines.length === 0 ? [] : ['', ...lines];
}
