import { hideFeedToken } from './routes/atom-feed.ts';

// An unsubscribe link's `token` is the proof it is the recipient's: logged, anyone reading the
// logs could remove their subscription. Any parameter so named is hidden, wherever it is.
const TOKEN_PARAMETER = /([?&]token=)[^&#]*/gi;

/**
 * A request URL as it may be logged: a feed's token and any `token` parameter hidden, since each
 * is the secret its link is read or used by.
 */
export const loggedUrl = (url: string): string =>
  hideFeedToken(url).replace(TOKEN_PARAMETER, '$1[hidden]');
