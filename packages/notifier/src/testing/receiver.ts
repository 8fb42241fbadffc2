import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver saw it. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What to answer the n-th request (from 1): a status and headers, or no answer at all. */
export type Answer = { status: number; headers?: Record<string, string> } | 'hang';

export interface Receiver {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  received: Received[];
  /** Resolves once the receiver has seen `count` requests: tests wait on this, never on time. */
  seen(count: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A webhook receiver on a free loopback port, answering each request as `answer` says. */
export async function startReceiver(
  answer: (n: number, request: Received) => Answer = () => ({ status: 204 }),
): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: Array<{ count: number; resolve: (all: Received[]) => void }> = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      const reply = answer(received.length, request);
      if (reply === 'hang') hanging.push(res);
      else res.writeHead(reply.status, reply.headers).end('{"ok":true}');
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve([...received]);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    seen: (count) =>
      received.length >= count
        ? Promise.resolve([...received])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
