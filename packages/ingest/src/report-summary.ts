import type { FileReport } from '@crimestats/contracts';
import { describeMonthRuns } from '@crimestats/domain';

const STATUS_WORDS: Record<FileReport['status'], string> = {
  accepted: 'accepted',
  'accepted-with-rejections': 'accepted valid rows only',
  refused: 'REFUSED, nothing published',
  'publish-failed': 'NOT PUBLISHED',
};

/** A few plain lines per file for the end of `crimestats ingest`: what was read, refused, published. */
export function summariseFileReport(report: FileReport): string {
  const lines = [`${report.file}: ${STATUS_WORDS[report.status]}`];
  const facts = [
    report.format ? `format ${report.format}` : undefined,
    `${report.rows.toLocaleString('en-GB')} rows`,
    report.months.length > 0 ? `months ${describeMonthRuns(report.months)}` : undefined,
    report.records > 0 ? `${report.records} records published` : undefined,
    report.populations > 0 ? `${report.populations} populations published` : undefined,
    `batch ${report.batchId}`,
    `${(report.durationMs / 1000).toFixed(1)} s`,
  ].filter(Boolean);
  lines.push(`  ${facts.join(' · ')}`);
  const unmapped = Object.entries(report.unmapped);
  if (unmapped.length > 0) {
    lines.push(
      `  counted in no area: ${unmapped.map(([reason, n]) => `${n} ${reason}`).join(', ')}`,
    );
  }
  const unknownCodes = Object.entries(report.unknownOffenceCodes ?? {}).sort(([a], [b]) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  if (unknownCodes.length > 0) {
    const described = unknownCodes.map(
      ([code, { rows, offences, countedIn }]) =>
        `${code} (${rows} row${rows === 1 ? '' : 's'}, ${offences} offence${offences === 1 ? '' : 's'}, ` +
        `${countedIn === null ? 'counted nowhere' : `counted in ${countedIn}`})`,
    );
    lines.push(`  offence codes not in the classification: ${described.join(', ')}`);
  }
  if (report.error) lines.push(`  error: ${report.error}`);
  if (report.problemCount > 0) {
    lines.push(
      `  ${report.problemCount} problem${report.problemCount === 1 ? '' : 's'} in ${report.rejectedRows} row${report.rejectedRows === 1 ? '' : 's'}` +
        (report.problems.length < report.problemCount
          ? ` (first ${report.problems.length} shown)`
          : '') +
        ':',
    );
    for (const p of report.problems) {
      lines.push(`    line ${p.line}, ${p.field} = ${JSON.stringify(p.value)}: ${p.reason}`);
    }
    if (report.status === 'refused') {
      lines.push('  fix these rows, or rerun with --accept-valid-rows to publish the valid ones');
    }
  }
  return lines.join('\n');
}
