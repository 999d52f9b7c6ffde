import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { parseCorpus } from '../../eval/phi/corpus.ts';
import { detectPhi } from '../../src/phi/detect.ts';
import { ensureWebBuild } from '../../src/web-build.ts';
import type { Benchmark } from '../harness.ts';
import { LatencyRecorder } from '../stats.ts';

const NOTE_CHARS = 200;

/**
 * Call notes of 200 characters from the hand-written evaluation set (every file, with and
 * without PHI), consecutive notes joined as an agent's longer note would run on: varied words,
 * so per-word caching earns no more here than on real traffic.
 */
export const NOTES: string[] = (() => {
  const dir = path.join(import.meta.dirname, '../../eval/phi');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parseCorpus(readFileSync(path.join(dir, f), 'utf8'), f).map((n) => n.text));
  const notes: string[] = [];
  let current = '';
  for (const text of texts) {
    current = current ? `${current}; ${text}` : text;
    if (current.length >= NOTE_CHARS) {
      notes.push(current.slice(0, NOTE_CHARS));
      current = '';
    }
  }
  return notes;
})();

/** The PHI detector on one core: notes of 200 characters per second, one at a time. */
export const phiDetect: Benchmark = {
  name: 'phi.detect',
  description: `detectPhi on ${NOTE_CHARS}-character call notes, one at a time on one core (no database)`,
  async run(env) {
    // A tight loop on this thread: the detector is synchronous CPU work, so yielding to the event
    // loop between notes (as the HTTP benchmarks do) would measure the scheduler, not the detector.
    const recorder = new LatencyRecorder();
    let spans = 0;
    const warmEnd = performance.now() + env.settings.warmupMs;
    for (let i = 0; performance.now() < warmEnd; i += 1) detectPhi(NOTES[i % NOTES.length]!);
    let busy = 0;
    const end = performance.now() + env.settings.durationMs;
    for (let i = 0; performance.now() < end; i += 1) {
      const started = performance.now();
      spans += detectPhi(NOTES[i % NOTES.length]!).length;
      const took = performance.now() - started;
      busy += took;
      recorder.record(took);
    }
    if (spans === 0) throw new Error('the detector found nothing in notes that carry PHI');
    const latency = recorder.summary();
    return { ops_per_s: (recorder.count * 1000) / busy, p50_ms: latency.p50, p99_ms: latency.p99, figures: { note_chars: NOTE_CHARS, notes: NOTES.length } };
  },
};

/**
 * The same detector in headless Chromium, as the console loads it: the built detector chunk
 * (its gzipped size is the browser's download) imported into a page, then one note at a time.
 */
export const phiBrowser: Benchmark = {
  name: 'phi.browser',
  description: 'detectPhi in headless Chromium from the built console chunk, one note at a time after the lexicon is built (its one-off cost reported); chunk size gzipped',
  async run(env) {
    await ensureWebBuild();
    const assets = path.join(import.meta.dirname, '../../web/dist/assets');
    const chunk = readdirSync(assets).find((f) => /^detect-.*\.js$/.test(f));
    if (!chunk) throw new Error('the console build has no detector chunk');
    const gzipped = gzipSync(readFileSync(path.join(assets, chunk))).length;
    const server = createServer((req, res) => {
      const name = path.basename(req.url ?? '');
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>');
      else if (readdirSync(assets).includes(name)) res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(path.join(assets, name)));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const { first, times: samples } = await page.evaluate(
        async ({ url, notes, ms }) => {
          const { detectPhi } = (await import(url)) as { detectPhi: (t: string) => unknown[] };
          // The first call builds the name lexicon; the console does it while the chunk loads.
          const t = performance.now();
          detectPhi(notes[0]!);
          const first = performance.now() - t;
          const times: number[] = [];
          const end = performance.now() + ms;
          for (let i = 0; performance.now() < end; i++) {
            const t0 = performance.now();
            detectPhi(notes[i % notes.length]!);
            times.push(performance.now() - t0);
          }
          return { first, times };
        },
        { url: `/${chunk}`, notes: NOTES, ms: env.settings.durationMs },
      );
      samples.sort((a, b) => a - b);
      const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
      const total = samples.reduce((a, b) => a + b, 0);
      return { ops_per_s: (samples.length / total) * 1000, p50_ms: at(0.5), p99_ms: at(0.99), figures: { chunk_gzip_kb: Math.round(gzipped / 1024), lexicon_build_ms: Math.round(first), max_ms: Math.round(samples.at(-1)! * 100) / 100 } };
    } finally {
      await browser.close();
      server.close();
    }
  },
};
