import { COMPARISONS_PATH, TokenRefused, areaChangesPath, getBoardPack, getCsv } from './api.ts';
import { describe, setStatus, showError } from './messages.ts';
import { choice } from './page-state.ts';
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

const downloadCsv = (path: string, params: Record<string, string | number>, filename: string) =>
  download('CSV', () => getCsv(path, params), filename);

export function downloadComparisonCsv(): Promise<void> {
  const { category, period, months } = choice();
  return downloadCsv(
    COMPARISONS_PATH,
    { category, period, months },
    `comparison-${category}-${period}-${months}m.csv`,
  );
}

export function downloadChangesCsv(): Promise<void> {
  const { period, months, area } = choice();
  return downloadCsv(
    areaChangesPath(area),
    { period, months },
    `changes-${area}-${period}-${months}m.csv`,
  );
}

/** The Board pack for the chosen period and window; the same file as `GET /v1/packs`. */
export function downloadBoardPack(): Promise<void> {
  const { period, months } = choice();
  return download(
    'Board pack',
    () => getBoardPack({ period, months }),
    `board-pack-${period}-${months}m.xlsx`,
  );
}
