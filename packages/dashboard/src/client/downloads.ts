import { COMPARISONS_PATH, TokenRefused, areaChangesPath, getBoardPack, getCsv } from './api.ts';
import { describe, setStatus, showError } from './messages.ts';
import { ALL_FORCES, choice, forceParam } from './page-state.ts';
import { askForToken } from './token.ts';

// Downloads of what the page shows: CSV rounded as the plan prints it, and the Board pack. The
// page fetches them with the token and saves the answer: a plain link could not send the
// Authorization header.

/** Long enough for the browser to start saving the file before its address is let go. */
const KEEP_DOWNLOAD_URL_MS = 10_000;

async function download(what: string, file: () => Promise<Blob>, filename: string): Promise<void> {
  try {
    const url = URL.createObjectURL(await file());
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), KEEP_DOWNLOAD_URL_MS);
    setStatus(`Saved ${filename}.`);
  } catch (error) {
    if (error instanceof TokenRefused) askForToken('The token was refused. Paste a valid token.');
    else showError(`The ${what} could not be downloaded: ${describe(error)}`);
  }
}

const downloadCsv = (
  path: string,
  params: Record<string, string | number | undefined>,
  filename: string,
) => download('CSV', () => getCsv(path, params), filename);

export function downloadComparisonCsv(): Promise<void> {
  const { force, category, period, months } = choice();
  const scope = force === ALL_FORCES ? '-all-forces' : '';
  return downloadCsv(
    COMPARISONS_PATH,
    { category, period, months, ...forceParam(force) },
    `comparison-${category}-${period}-${months}m${scope}.csv`,
  );
}

export function downloadChangesCsv(): Promise<void> {
  const { force, period, months, area } = choice();
  return downloadCsv(
    areaChangesPath(area),
    { period, months, ...forceParam(force) },
    `changes-${area}-${period}-${months}m.csv`,
  );
}

/** The chosen force's Board pack for the period and window; the same file as `GET /v1/packs`. */
export function downloadBoardPack(): Promise<void> {
  const { force, period, months } = choice();
  return download(
    'Board pack',
    () => getBoardPack({ period, months, ...forceParam(force) }),
    `board-pack-${period}-${months}m.xlsx`,
  );
}
