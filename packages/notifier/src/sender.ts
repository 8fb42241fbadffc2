import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  checkTargetUrl,
  resolveTarget,
  systemLookup,
  webhookHeaders,
  type AllowList,
  type Lookup,
} from '@crimestats/webhooks';
import { Client } from 'undici';
import type { AttemptResult, SendWebhook, WebhookMessage, WebhookTarget } from './attempt.ts';

export interface SenderOptions {
  /** Receivers allowed beyond the public internet (CRIMESTATS_WEBHOOK_ALLOW_HOSTS). */
  allow: AllowList;
  /** How names resolve; injected in tests so that no lookup leaves the process. */
  lookup?: Lookup;
  /** The limit on a whole attempt: resolving, connecting, sending and the answer's headers. */
  timeoutMs?: number;
  /** Milliseconds since the epoch, for the signed `webhook-timestamp`. */
  clock?: () => number;
  userAgent?: string;
}

export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

// Nothing in an answer is used but its status; this much is read (so a small answer leaves the
// connection tidy) and the rest is discarded unread.
const ANSWER_BYTES_READ = 64 * 1024;

/**
 * Delivers one signed attempt to the address the guard checked just now, never to a second lookup
 * of the name (which a rebinding attacker could answer differently). The URL's host stays the
 * Host header and the TLS server name. Redirects are not followed: the target was checked, the
 * place it points to was not.
 */
export function createSender(options: SenderOptions): SendWebhook {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const clock = options.clock ?? Date.now;
  const lookup = options.lookup ?? systemLookup;
  const userAgent = options.userAgent ?? 'crimestats-webhooks/1';

  return async (target, message) => {
    const started = performance.now();
    const result = (
      outcome: AttemptResult['outcome'],
      statusCode: number | null,
      error: string | null,
    ): AttemptResult => ({ outcome, statusCode, durationMs: performance.now() - started, error });

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    try {
      const checked = checkTargetUrl(target.url, options.allow);
      if (!checked.ok) return result('refused', null, `refused: ${checked.reason}`);
      const resolved = await untilAborted(
        resolveTarget(checked.url, options.allow, lookup),
        timeout.signal,
      );
      if (!resolved.ok) return result('refused', null, `refused: ${resolved.reason}`);
      const statusCode = await post(checked.url, resolved, target, message, {
        signal: timeout.signal,
        timeoutMs,
        headers: { 'user-agent': userAgent },
        timestamp: Math.floor(clock() / 1000),
      });
      if (statusCode >= 200 && statusCode < 300) return result('delivered', statusCode, null);
      if (statusCode === 410) return result('gone', statusCode, 'HTTP 410');
      if (statusCode >= 300 && statusCode < 400) {
        return result('failed', statusCode, `HTTP ${statusCode}: redirect not followed`);
      }
      return result('failed', statusCode, `HTTP ${statusCode}`);
    } catch (error) {
      if (timeout.signal.aborted) {
        return result('failed', null, `timed out after ${timeoutMs / 1000} s`);
      }
      return result('failed', null, messageOf(error));
    } finally {
      clearTimeout(timer);
    }
  };
}

interface PostOptions {
  signal: AbortSignal;
  timeoutMs: number;
  headers: Record<string, string>;
  timestamp: number;
}

/** POSTs the signed body over a connection of its own to `address`; the answer's status. */
async function post(
  url: URL,
  address: { address: string; family: 4 | 6 },
  target: WebhookTarget,
  message: WebhookMessage,
  opts: PostOptions,
): Promise<number> {
  // Signed first: a secret that is no secret fails here, before any connection.
  const signed = webhookHeaders({ ...message, timestamp: opts.timestamp }, target.secret);
  const client = new Client(url.origin, {
    connect: { lookup: pinnedLookup(address.address, address.family), timeout: opts.timeoutMs },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  try {
    const answer = await client.request({
      method: 'POST',
      path: `${url.pathname}${url.search}`,
      headers: { ...opts.headers, 'content-type': 'application/json', ...signed },
      body: message.body,
      signal: opts.signal,
    });
    // The status is the answer; a body that stalls or breaks off changes nothing.
    await answer.body.dump({ limit: ANSWER_BYTES_READ, signal: opts.signal }).catch(() => {});
    return answer.statusCode;
  } finally {
    await client.destroy().catch(() => {});
  }
}

/** A lookup that answers only the address already checked, in whichever form it is asked for. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** The promise, or a rejection as soon as the signal aborts (a lookup that never answers). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('aborted'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message || error.name}${cause}`;
}
