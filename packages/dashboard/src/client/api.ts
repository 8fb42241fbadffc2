import type {
  AreaChangesAnswer,
  AreaListAnswer,
  AreaTrendAnswer,
  CategoryListAnswer,
  ComparisonResponse,
} from '@crimestats/reporting';
import type { CreatedSubscription, Subscription, TokenHolder } from '@crimestats/contracts';
import { currentToken } from './token.ts';

// The reporting API (/v1), same origin, bearer token. Each answer's type is the one the API's
// zod schema infers, so a change to an answer's shape fails the dashboard's type check.

/** There is no token, or the API refused it (401): the page asks for another. */
export class TokenRefused extends Error {}

/** Any other answer that is not a success; the message is the API's own when it gave one. */
export class ApiError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** Query parameters; one left undefined is not sent. */
type Params = Readonly<Record<string, string | number | undefined>>;

async function get(path: string, params: Params, accept: string): Promise<Response> {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return call(url, 'GET', accept);
}

/** One request with the token; the API's own message when it refuses. */
async function call(
  url: URL,
  method: 'GET' | 'POST' | 'DELETE',
  accept: string,
  body?: unknown,
): Promise<Response> {
  const token = currentToken();
  if (token === null) throw new TokenRefused('no token');
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    cache: 'no-store',
  });
  if (response.status === 401) throw new TokenRefused('the token was refused');
  if (!response.ok) {
    const body: { error?: unknown } = await response.json().catch(() => ({}));
    const message =
      typeof body.error === 'string' ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(message, response.status);
  }
  return response;
}

/** The answer as the API's schema describes it: the API validates what it sends. */
async function getAnswer<Answer>(path: string, params: Params = {}): Promise<Answer> {
  return (await get(path, params, 'application/json')).json() as Promise<Answer>;
}

/** The same question as CSV, rounded as the plan prints it, for saving. */
export async function getCsv(path: string, params: Params): Promise<Blob> {
  return (await get(path, { ...params, format: 'csv' }, 'text/csv')).blob();
}

// The API's BOARD_PACK_MEDIA_TYPE, written out: importing it would bundle the workbook writer.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Board pack workbook for a period and window: every plan category, for the Board. */
export async function getBoardPack(params: {
  period: string;
  months: number;
  force?: string;
}): Promise<Blob> {
  return (await get('/v1/packs', params, XLSX)).blob();
}

export const COMPARISONS_PATH = '/v1/comparisons';
export const areaChangesPath = (area: string) => `/v1/areas/${encodeURIComponent(area)}/changes`;
const areaTrendPath = (area: string) => `/v1/areas/${encodeURIComponent(area)}/trend`;

export const getAreas = () => getAnswer<AreaListAnswer>('/v1/areas');

export const getCategories = () => getAnswer<CategoryListAnswer>('/v1/categories');

export const getComparison = (query: {
  category: string;
  period: string;
  months: number;
  force?: string;
}) => getAnswer<ComparisonResponse>(COMPARISONS_PATH, query);

export const getAreaChanges = (
  area: string,
  query: { period: string; months: number; force?: string },
) => getAnswer<AreaChangesAnswer>(areaChangesPath(area), query);

export const getAreaTrend = (
  area: string,
  query: { category: string; from: string; to: string; months: number; force?: string },
) => getAnswer<AreaTrendAnswer>(areaTrendPath(area), query);

export const getWhoami = () => getAnswer<TokenHolder>('/v1/whoami');

export const listSubscriptions = async (area: string): Promise<Subscription[]> =>
  (await getAnswer<{ subscriptions: Subscription[] }>('/v1/subscriptions', { area })).subscriptions;

const SUBSCRIPTIONS = () => new URL('/v1/subscriptions', window.location.origin);

export async function createSubscription(body: {
  area: string;
  url?: string;
  email?: string;
}): Promise<CreatedSubscription> {
  return (
    await call(SUBSCRIPTIONS(), 'POST', 'application/json', body)
  ).json() as Promise<CreatedSubscription>;
}

export async function removeSubscription(id: string): Promise<void> {
  const url = new URL(`/v1/subscriptions/${encodeURIComponent(id)}`, window.location.origin);
  await call(url, 'DELETE', 'application/json');
}
