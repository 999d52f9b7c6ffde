import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ChunkEncryptor } from '../../src/platform/crypto/chunked.ts';
import { unsafeSystemContext } from '../../src/platform/system-context.ts';
import { ingestRecording, playRecording } from '../../src/modules/recordings/recordings.service.ts';
import { recordingStore } from '../../src/modules/recordings/storage.ts';
import { createBenchClient, createBenchOrg, type Benchmark } from '../harness.ts';
import { runClosedLoop } from '../load.ts';
import { round } from '../stats.ts';

const MB = 1024 * 1024;
/** The goals of the recordings issue: encryption on one core, a ranged read's p99 of a 50 MB recording. */
const GOAL_ENCRYPT_MB_S = 500;
const GOAL_RANGE_P99_MS = 20;

/** `total` bytes of synthetic audio as a stream of 1 MiB pieces (one random piece, repeated). */
function audioStream(total: number): Readable {
  const piece = randomBytes(MB);
  let left = total;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(left, MB);
      left -= n;
      this.push(n === MB ? piece : piece.subarray(0, n));
    },
  });
}

/**
 * Call recordings: chunked AES-256-GCM encryption of 200 MB as it streams (one core, the RSS
 * growth while it runs), and 64 KiB ranged reads of a stored 50 MB recording through the
 * playback service (its key unwrapped, the chunks read from the filesystem store and
 * decrypted, the audit event written), one at a time.
 */
export const recordings: Benchmark = {
  name: 'recordings',
  description: 'encrypt 200 MB as it streams (MB/s, RSS growth); 64 KiB ranged reads of a 50 MB recording, one at a time',
  async run(env) {
    // Encryption alone, into nothing: the cipher's own throughput on this core.
    const key = randomBytes(32);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    await pipeline(audioStream(200 * MB), new ChunkEncryptor(key, 'bench-recording', 300 * MB), new Writable({ write: (_c, _e, done) => done() }));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    const encryptMbS = 200 / seconds;

    const bench = await env.startApp();
    const org = await createBenchOrg(bench);
    const clientId = await createBenchClient(bench, org.orgId);
    const ctx = unsafeSystemContext(bench.database, bench.app.platform.keyring, org.orgId, 'supervisor', 'bench');
    const store = recordingStore(bench.config);
    const size = 50 * MB;
    const stored = await ingestRecording(ctx, store, { clientId, direction: 'inbound', contentType: 'audio/wav' }, audioStream(size), 60 * MB);
    const ranged = await runClosedLoop({ concurrency: 1, durationMs: env.settings.durationMs, warmupMs: env.settings.warmupMs }, async () => {
      const start = Math.floor(Math.random() * (size - 64 * 1024));
      const played = await playRecording(ctx, store, stored.id, `bytes=${start}-${start + 64 * 1024 - 1}`, 'read', null);
      if ((played.body as Buffer).length !== 64 * 1024) throw new Error('a short range');
    });
    return {
      ops_per_s: ranged.opsPerSecond,
      p50_ms: ranged.latency.p50,
      p99_ms: ranged.latency.p99,
      figures: {
        encrypt_mb_per_s: round(encryptMbS, 0),
        encrypt_goal_met: encryptMbS >= GOAL_ENCRYPT_MB_S,
        encrypt_rss_growth_mb: round((peak - before) / MB, 1),
        range_p99_goal_met: ranged.latency.p99 < GOAL_RANGE_P99_MS,
        recording_mb: 50,
      },
    };
  },
};
