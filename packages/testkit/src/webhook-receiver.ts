import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  id: string;
  path: string;
  body: string;
  /** The body parsed, once its signature verified with the independent Standard Webhooks library. */
  payload: unknown;
}

export interface WebhookReceiver {
  url: string;
  /** Verified deliveries, in order of arrival. */
  received: ReceivedDelivery[];
  /** Requests that arrived and have not been answered (while holding). */
  held: number;
  /** While true, requests are held unanswered; set false to answer 204 from then on. */
  hold: boolean;
  /** Resolves once `check` holds over what was received; polls on each arrival. */
  until(check: (r: WebhookReceiver) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on loopback that verifies every delivery with the npm `standardwebhooks`
 * library (not the project's own signing code) under the secrets it is given by path.
 */
export async function startWebhookReceiver(secrets: Map<string, string>): Promise<WebhookReceiver> {
  const waiters = new Set<() => void>();
  const pending: ServerResponse[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    held: 0,
    hold: false,
    until: (check, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        if (check(receiver)) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(test);
          reject(new Error(`receiver: timed out; received ${receiver.received.length}`));
        }, timeoutMs);
        const test = () => {
          if (!check(receiver)) return;
          clearTimeout(timer);
          waiters.delete(test);
          resolve();
        };
        waiters.add(test);
      }),
    close: async () => {
      for (const res of pending.splice(0)) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      if (receiver.hold) {
        receiver.held++;
        pending.push(res);
        notify();
        return;
      }
      try {
        const payload = new Webhook(secrets.get(path) ?? '').verify(
          body,
          req.headers as Record<string, string>,
        );
        receiver.received.push({ id: String(req.headers['webhook-id']), path, body, payload });
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(400).end(String(error));
      }
      notify();
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
