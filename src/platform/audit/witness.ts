/**
 * The audit witness: a small HTTP service, run on another machine (or under another account),
 * that keeps a copy of every signed checkpoint Ringfence hands it. Someone who can rewrite
 * Ringfence's database and its checkpoint directory still cannot rewrite the witness's copy.
 *
 *   POST /checkpoints                 a signed checkpoint → 201 (refused: 400 malformed or badly
 *                                     signed, 409 when it goes back behind what the witness holds)
 *   GET  /checkpoints/{orgId}/latest  the latest checkpoint it holds of that organization, or 404
 *
 * With the public key (`ringfence audit witness --public-key FILE`) it refuses checkpoints that
 * are not signed by it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { appendCheckpoint, parseCheckpoint, readLatestCheckpoint, verifyCheckpointSignature } from './checkpoints.ts';

export interface WitnessOptions {
  dir: string;
  publicKey: KeyObject | null;
}

async function readBody(req: IncomingMessage, limit = 16 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Creates the witness's HTTP server (not yet listening). */
export function createWitnessServer(options: WitnessOptions): Server {
  // One write at a time, so that "never behind the latest" holds between concurrent posts.
  let queue: Promise<unknown> = Promise.resolve();
  return createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const handle = async () => {
      const url = new URL(req.url ?? '/', 'http://witness');
      const latest = /^\/checkpoints\/([0-9a-f-]{36})\/latest$/.exec(url.pathname);
      if (req.method === 'GET' && latest) {
        const stored = await readLatestCheckpoint(options.dir, latest[1]!);
        return stored.latest ? answer(200, stored.latest) : answer(404, { error: 'no checkpoint of this organization' });
      }
      if (req.method === 'POST' && url.pathname === '/checkpoints') {
        let checkpoint;
        try {
          checkpoint = parseCheckpoint(JSON.parse(await readBody(req)));
        } catch {
          checkpoint = null;
        }
        if (!checkpoint) return answer(400, { error: 'not a checkpoint' });
        if (options.publicKey && !verifyCheckpointSignature(checkpoint, options.publicKey)) return answer(400, { error: 'the signature does not verify' });
        const work = queue.then(async () => {
          const held = (await readLatestCheckpoint(options.dir, checkpoint.orgId)).latest;
          if (held && checkpoint.position < held.position) return 409;
          if (held && held.position === checkpoint.position && held.hash === checkpoint.hash) return 200;
          await appendCheckpoint(options.dir, checkpoint);
          return 201;
        });
        queue = work.catch(() => undefined);
        const status = await work;
        return answer(status, status === 409 ? { error: 'behind the latest checkpoint held' } : { position: checkpoint.position });
      }
      return answer(404, { error: 'not found' });
    };
    handle().catch(() => answer(500, { error: 'the witness could not store the checkpoint' }));
  });
}
