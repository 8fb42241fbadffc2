import type { ServerResponse } from 'node:http';
import type { EventTail } from '@crimestats/notifier';
import type { EventPosition, FigureEventsRepository, StoredFigureEvent } from '@crimestats/store';
import type { FastifyBaseLogger } from 'fastify';
import { SECURITY_HEADERS } from '@crimestats/http';

/** How many missed events a reconnecting client is sent at most: the newest ones. */
export const RESUME_LIMIT = 100;

/** Past this much unsent output the client is not reading; it is dropped and may resume. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export const SSE_HEADERS = {
  ...SECURITY_HEADERS,
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store, no-transform',
  connection: 'keep-alive',
  // nginx and friends would otherwise hold events back to fill a buffer.
  'x-accel-buffering': 'no',
} as const;

/** One event as an SSE frame. JSON.stringify escapes newlines, so `data` is one line. */
export function eventFrame(event: StoredFigureEvent): string {
  return `id: ${event.id}\nevent: figures.updated\ndata: ${JSON.stringify(event.data)}\n\n`;
}

const comment = (text: string): string => `: ${text}\n\n`;

/** Whether `event` comes after `position` in the order events are stored and streamed. */
const isAfter = (event: EventPosition, position: EventPosition): boolean =>
  event.createdAtMs > position.createdAtMs ||
  (event.createdAtMs === position.createdAtMs && event.id > position.id);

export interface EventStreamDeps {
  area: string;
  tail: EventTail;
  events: Pick<FigureEventsRepository, 'get' | 'forArea'>;
  heartbeatMs: number;
  logger: FastifyBaseLogger;
}

/**
 * One client's stream of an area's figures events: missed ones first when it names the last
 * it saw, then each new one as the tail finds it, with heartbeats between so proxies and the
 * client can tell a quiet stream from a dead one.
 */
export class AreaEventStream {
  readonly #raw: ServerResponse;
  readonly #deps: EventStreamDeps;
  readonly #unsubscribe: () => void;
  readonly #heartbeat: NodeJS.Timeout;
  /** Live events that came while missed ones were still being read. */
  #pending: StoredFigureEvent[] | undefined = [];
  /** Sent while resuming; the tail may hand the same ones over as new. */
  readonly #resumed = new Set<string>();
  /**
   * When more were missed than are resent, the oldest resent: the tail may not have read the
   * left-out older ones yet, and they must not trickle in after the newest were sent.
   */
  #cutoff: EventPosition | undefined;
  #closed = false;
  readonly #onClose: () => void;

  /** Starts streaming on a response whose headers are already written; `onClose` once ended. */
  constructor(raw: ServerResponse, deps: EventStreamDeps, onClose: () => void) {
    this.#raw = raw;
    this.#deps = deps;
    this.#onClose = onClose;
    this.#unsubscribe = deps.tail.subscribe(deps.area, (event) => this.#live(event));
    this.#heartbeat = setInterval(() => this.#write(comment('heartbeat')), deps.heartbeatMs);
    raw.on('close', () => this.close());
  }

  /**
   * Sends what the client missed since `lastEventId` (if any), then switches to live events.
   * Waits for the tail to know where "now" is first, so no event falls between the two.
   */
  async start(lastEventId: string | undefined): Promise<void> {
    await this.#deps.tail.ready();
    if (this.#closed) return;
    if (lastEventId !== undefined) await this.#resume(lastEventId);
    if (this.#closed) return;
    const pending = this.#pending ?? [];
    this.#pending = undefined;
    this.#write(comment('live'));
    for (const event of pending) this.#live(event);
  }

  /** Ends the stream (idempotent): on client disconnect, app close or a client not reading. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    clearInterval(this.#heartbeat);
    if (!this.#raw.writableEnded) this.#raw.end();
    this.#onClose();
  }

  async #resume(lastEventId: string): Promise<void> {
    try {
      const last = await this.#deps.events.get(lastEventId);
      if (this.#closed) return;
      // Another area's event is as good as unknown here: its existence is not this client's.
      if (last === undefined || last.area !== this.#deps.area) {
        this.#write(comment('unknown Last-Event-ID; sending new events only'));
        return;
      }
      // The newest ones, plus one to tell whether older ones were left out.
      const newest = await this.#deps.events.forArea(this.#deps.area, undefined, RESUME_LIMIT + 1);
      if (this.#closed) return;
      const missed = newest.filter((e) => isAfter(e, last));
      if (missed.length > RESUME_LIMIT) {
        missed.shift();
        this.#cutoff = missed[0];
        this.#write(
          comment(`more events were missed than are resent; the newest ${RESUME_LIMIT} follow`),
        );
      }
      for (const event of missed) {
        this.#resumed.add(event.id);
        this.#write(eventFrame(event));
      }
    } catch (error) {
      this.#deps.logger.warn({ err: error }, 'reading missed figures events failed');
      this.#write(comment('could not read missed events; sending new events only'));
    }
  }

  #live(event: StoredFigureEvent): void {
    if (this.#pending !== undefined) {
      this.#pending.push(event);
      return;
    }
    if (this.#resumed.delete(event.id)) return;
    if (this.#cutoff !== undefined && !isAfter(event, this.#cutoff)) return;
    this.#write(eventFrame(event));
  }

  #write(text: string): void {
    if (this.#closed || this.#raw.destroyed || this.#raw.writableEnded) return;
    this.#raw.write(text);
    if (this.#raw.writableLength > MAX_BUFFERED_BYTES) {
      this.#deps.logger.warn('an event stream client is not reading; ending its stream');
      this.close();
    }
  }
}
