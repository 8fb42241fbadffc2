import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** What a test reads off one server-sent events response, parsed by an independent parser. */
export interface SseClient {
  status: number;
  headers: Headers;
  events: EventSourceMessage[];
  comments: string[];
  /** Resolves once `check` holds on what has arrived; rejects after `timeoutMs` saying `what`. */
  until(what: string, check: () => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ends the body (or the client closes it). */
  ended: Promise<void>;
  close(): void;
}

/** Opens `url` with fetch and parses its body as it streams in. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const parser = createParser({
    onEvent: (event) => {
      events.push(event);
      wake();
    },
    onComment: (comment) => {
      comments.push(comment.trim());
      wake();
    },
  });
  let done = false;
  const ended = (async () => {
    if (res.body === null) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // Aborted by close(): the stream is over either way.
    } finally {
      done = true;
      wake();
    }
  })();

  const until = (what: string, check: () => boolean, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `timed out waiting for ${what}; got ${JSON.stringify({ events, comments, done })}`,
          ),
        );
      }, timeoutMs);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
      waiter();
    });

  return {
    status: res.status,
    headers: res.headers,
    events,
    comments,
    until,
    ended,
    close: () => abort.abort(),
  };
}
