import { periodLabel } from '@crimestats/domain';
import {
  renderAreaChangesCsv,
  renderAreaChangesTable,
  type AreaChangeRow,
  type AreaChangesAnswer,
} from '@crimestats/reporting';
import { digestHtml } from './digest-html.ts';
import {
  basisLine,
  biggestIncreases,
  increaseLine,
  rowsFor,
  type DigestInput,
} from './digest-parts.ts';
import { digestSubject } from './subject.ts';

export interface Digest {
  subject: string;
  text: string;
  html: string;
  /** The table's rows as the area-changes CSV: the attachment. */
  csv: string;
  csvFilename: string;
  /** The rows shown, in the answer's order. */
  rows: AreaChangeRow[];
}

/**
 * One area's digest for one load: every category the subscription asked for in the newest
 * period's window (changed or not, from the area-changes answer), its biggest increases, what
 * the figures rest on, the CSV of the same rows, and the dashboard and unsubscribe links.
 */
export function buildDigest(input: DigestInput): Digest {
  const { event, answer } = input;
  const rows = rowsFor(answer, input.categories);
  const shown: AreaChangesAnswer = { ...answer, rows };
  const subject = digestSubject(event.area.name, answer.period.end);
  const increases = biggestIncreases(rows);
  const period = periodLabel(answer.period);
  const text = [
    subject,
    '',
    `New figures for ${answer.area.name} (${answer.area.code}), ${period}.`,
    '',
    increases.length === 0
      ? 'No category rose.'
      : ['Biggest increases:', ...increases.map((row) => `  - ${increaseLine(row)}`)].join('\n'),
    '',
    renderAreaChangesTable(shown).trimEnd(),
    '',
    `Data: ${basisLine(answer.basis)}.`,
    `Dashboard: ${event.links.dashboard}`,
    'The same rows are attached as CSV.',
    '',
    `Unsubscribe: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
  return {
    subject,
    text,
    html: digestHtml({ ...input, subject, rows, increases, period }),
    csv: renderAreaChangesCsv(shown),
    csvFilename: `changes-${answer.area.code}-${answer.period.end}-${answer.period.months}m.csv`,
    rows,
  };
}
