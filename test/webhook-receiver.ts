/**
 * A real HTTP server on 127.0.0.1 that receives Ringfence's webhooks as a customer's receiver
 * would: it verifies each request's signature with `verifyWebhookSignature` over the raw body
 * (answering 401 when it does not verify), records what it received, and can be told to answer
 * with an error status instead.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';
import { verifyWebhookSignature } from '../src/modules/notifications/index.ts';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  /** The parsed body, when it was JSON. */
  json: Record<string, unknown> | null;
  /** Whether the signature verified with the receiver's secret at arrival. */
  verified: boolean;
  status: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The secret the receiver verifies with (the channel's, once created). */
  setSecret(secret: string): void;
  /** Answer every later request with this status (500: a receiver failing); null: 204 when verified. */
  answerWith(status: number | null): void;
  waitFor(count: number): Promise<ReceivedWebhook[]>;
}

/** Starts the receiver; closed after the test. */
export async function startWebhookReceiver(t: TestContext): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let secret = '';
  let forced: number | null = null;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const header = req.headers['x-ringfence-signature'];
      const timestamp = req.headers['x-ringfence-timestamp'];
      const verified = secret !== '' && verifyWebhookSignature(secret, typeof timestamp === 'string' ? timestamp : null, rawBody, typeof header === 'string' ? header : null);
      let json: Record<string, unknown> | null = null;
      try {
        json = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        json = null;
      }
      const status = forced ?? (verified ? 204 : 401);
      received.push({ path: req.url ?? '', headers: req.headers, rawBody, json, verified, status });
      res.writeHead(status);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    setSecret: (s) => void (secret = s),
    answerWith: (status) => void (forced = status),
    async waitFor(count) {
      for (let i = 0; i < 100 && received.length < count; i += 1) await new Promise((r) => setTimeout(r, 50));
      return received;
    },
  };
}
