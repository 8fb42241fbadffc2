import { el } from './elements.ts';

// The token lives in this tab's sessionStorage only: never in a URL the server or a referrer
// sees, never beyond the tab.

const TOKEN_KEY = 'crimestats.token';

/**
 * A token handed over in the address's fragment (`#token=…`, which never reaches the server) is
 * kept for this tab only and taken out of the address bar, so it is not bookmarked or shared.
 */
export function takeTokenFromFragment(): void {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  if (token === null) return;
  if (token.trim() !== '') sessionStorage.setItem(TOKEN_KEY, token.trim());
  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(
    history.state,
    '',
    `${window.location.pathname}${window.location.search}${rest === '' ? '' : `#${rest}`}`,
  );
}

export const currentToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

export function keepToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Forgets the token and shows the token form; `message` says why it is asked for again. */
export function askForToken(message?: string): void {
  sessionStorage.removeItem(TOKEN_KEY);
  el.dashboard.hidden = true;
  el.tokenPanel.hidden = false;
  el.tokenError.textContent = message ?? '';
  el.tokenError.hidden = !message;
  el.currency.textContent = '';
  el.tokenInput.value = '';
  el.tokenInput.focus();
}
