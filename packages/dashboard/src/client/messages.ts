import { el } from './elements.ts';

// The status line (what the page is doing) and the error line (what went wrong).

export function setStatus(text: string): void {
  el.status.textContent = text;
}

export function showError(text: string): void {
  el.error.textContent = text;
  el.error.hidden = false;
}

export function hideError(): void {
  el.error.textContent = '';
  el.error.hidden = true;
}

/** What to tell the reader about a failure: the API's or the browser's own words. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
