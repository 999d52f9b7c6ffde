import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { detectPhi } from '../../src/phi/detect.ts';
import { ensureWebBuild } from '../../src/web-build.ts';
import type { Benchmark } from '../harness.ts';
import { runClosedLoop } from '../load.ts';

const NOTE_CHARS = 200;

/** Synthetic call notes of about 200 characters, with and without PHI, as agents type them. */
export const NOTES = [
  'pt called re refill lisinopril 10mg, pharmacy CVS on main, cb 555-201-3344 after 3pm, dob 4/12/61, BP 140/90 at home, asks for 90 day supply, P-7F3K2Q, left vm x2',
  'daughter called for mom (92 yo), appt March 3rd w/ Dr Patel moved?, needs cb at (555) 201-3345, mrn 00123456, member id XYZ123456789, lives 42 Oak St apt 3 IL 62701',
  'P-9XBNBB results question, A1c 7.2 last visit, CPT 99213, ICD E11.9, no answer on first attempt, will retry after lunch, 2 attempts so far, routine priority, queue refills',
  'caller states she is out of metformin 500 mg, pharmacy Walgreens fax 555-201-0000, email jane.d@example.test, ssn on file, seen 2024-05-01, wants callback tomorrow am',
].map((n) => n.padEnd(NOTE_CHARS, ' ').slice(0, NOTE_CHARS));

/** The PHI detector on one core: notes of 200 characters per second, one at a time. */
export const phiDetect: Benchmark = {
  name: 'phi.detect',
  description: `detectPhi on ${NOTE_CHARS}-character call notes, one at a time on one core (no database)`,
  async run(env) {
    let i = 0;
    let spans = 0;
    const result = await runClosedLoop({ concurrency: 1, durationMs: env.settings.durationMs, warmupMs: env.settings.warmupMs }, async () => {
      spans += detectPhi(NOTES[(i += 1) % NOTES.length]!).length;
    });
    if (spans === 0) throw new Error('the detector found nothing in notes that carry PHI');
    return { ops_per_s: result.opsPerSecond, p50_ms: result.latency.p50, p99_ms: result.latency.p99, figures: { note_chars: NOTE_CHARS, notes: NOTES.length } };
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
