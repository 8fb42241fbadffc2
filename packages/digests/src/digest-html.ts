import { monthsLabel } from '@crimestats/domain';
import { significanceMark, type AreaChangeRow } from '@crimestats/reporting';
import { formatCount, formatPercent, formatRate, orMissing } from '@crimestats/stats';
import { basisLine, increaseLine, type DigestInput } from './digest-parts.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML, attribute values included. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

interface HtmlInput extends DigestInput {
  subject: string;
  rows: readonly AreaChangeRow[];
  increases: readonly AreaChangeRow[];
  period: string;
}

function tableRow(row: AreaChangeRow, rankedAreas: number): string {
  const cells = [
    formatCount(row.volume),
    orMissing(row.ratePer1000, formatRate),
    row.rank === null ? '' : `${row.rank} of ${rankedAreas}`,
    orMissing(row.previousVolume, formatCount),
    orMissing(row.volumeChange, formatCount),
    orMissing(row.percentChange, formatPercent),
    significanceMark(row),
    row.complete ? 'yes' : 'no',
  ];
  const numbers = cells.map(
    (cell, i) => `<td${i < 6 ? ' align="right"' : ''}>${escapeHtml(cell)}</td>`,
  );
  return `<tr data-category="${escapeHtml(row.category.code)}"><th scope="row" align="left">${escapeHtml(row.category.name)}</th>${numbers.join('')}</tr>`;
}

/** The digest's HTML part: the same content as its text, the table as a real table. */
export function digestHtml(input: HtmlInput): string {
  const { answer, event } = input;
  const months = answer.period.months;
  const headers = [
    'Category',
    'Volume',
    'Rate per 1,000',
    'Rank',
    months === 1 ? 'Previous month' : `Previous ${monthsLabel(months)}`,
    'Change',
    '% change',
    'Significance',
    'Complete',
  ];
  const increases =
    input.increases.length === 0
      ? '<p>No category rose.</p>'
      : `<h2>Biggest increases</h2><ul>${input.increases.map((row) => `<li>${escapeHtml(increaseLine(row))}</li>`).join('')}</ul>`;
  const table =
    input.rows.length === 0
      ? '<p>No figures for this area and period.</p>'
      : `<table border="1" cellpadding="4" cellspacing="0"><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${input.rows.map((row) => tableRow(row, input.rankedAreas)).join('')}</tbody></table>`;
  return [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head><body>`,
    `<h1>${escapeHtml(input.subject)}</h1>`,
    `<p>New figures for ${escapeHtml(answer.area.name)} (${escapeHtml(answer.area.code)}), ${escapeHtml(input.period)}.</p>`,
    increases,
    table,
    `<p>Data: ${escapeHtml(basisLine(answer.basis))}.</p>`,
    `<p><a href="${escapeHtml(event.links.dashboard)}">Open the dashboard for ${escapeHtml(answer.area.name)}</a>. The same rows are attached as CSV.</p>`,
    `<p><small><a href="${escapeHtml(input.unsubscribeUrl)}">Unsubscribe</a> from these emails.</small></p>`,
    '</body></html>',
    '',
  ].join('\n');
}
