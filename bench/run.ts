// `npm run bench [-- FILTER…] [--duration S] [--warmup S] [--json]`: runs the named benchmarks on
// SQLite and, when RINGFENCE_BENCH_DATABASE_URL is set, on PostgreSQL, each on a fresh database.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/platform/db/database.ts';
import { apiRead } from './benchmarks/api-read.ts';
import { auditAlertLatency, auditReadCost } from './benchmarks/audit-cost.ts';
import { auditIntake } from './benchmarks/audit-intake.ts';
import { auditVerify } from './benchmarks/audit-verify.ts';
import { auditSearch } from './benchmarks/audit-search.ts';
import { authSignin } from './benchmarks/auth-signin.ts';
import { callbacks } from './benchmarks/callbacks.ts';
import { onCallAt, onCallPage, onCallTimers } from './benchmarks/oncall.ts';
import { patientLookup } from './benchmarks/patient-lookup.ts';
import { recordings } from './benchmarks/recordings.ts';
import { phiBrowser, phiDetect } from './benchmarks/phi-detect.ts';
import { vaultCrypto } from './benchmarks/vault-crypto.ts';
import { BenchEnv, type Benchmark, type BenchResult } from './harness.ts';
import { round } from './stats.ts';

/** Every benchmark, in the order they run. A new one is a file in bench/benchmarks/ and a line here. */
const BENCHMARKS: Benchmark[] = [authSignin, auditIntake, auditVerify, auditSearch, auditReadCost, auditAlertLatency, apiRead, vaultCrypto, patientLookup, callbacks, onCallAt, onCallPage, onCallTimers, phiDetect, phiBrowser, recordings];

const USAGE = `Usage: npm run bench -- [FILTER…] [--duration SECONDS] [--warmup SECONDS] [--json]

Runs each benchmark whose name contains a FILTER (all without one) for --duration seconds
(default 5) after --warmup seconds (default 1), on SQLite and, when
RINGFENCE_BENCH_DATABASE_URL is set (postgres://…), on PostgreSQL too.
--json prints one JSON object per line instead of the table.

Benchmarks:
${BENCHMARKS.map((b) => `  ${b.name.padEnd(14)} ${b.description}`).join('\n')}`;

interface Row {
  name: string;
  db: Engine;
  result: BenchResult | null;
  error: string | null;
}

function seconds(value: string | undefined, fallback: number, option: string, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${option} must be a number of seconds, at least ${min} (got "${value}")`);
  return n;
}

function jsonLine(row: Row): string {
  const { result } = row;
  return JSON.stringify({
    name: row.name,
    db: row.db,
    ops_per_s: result ? round(result.ops_per_s, 1) : null,
    p50_ms: result ? round(result.p50_ms) : null,
    p99_ms: result ? round(result.p99_ms) : null,
    ...result?.figures,
    ok: row.error === null,
    ...(row.error !== null ? { error: row.error } : {}),
  });
}

function printTable(rows: Row[]): void {
  const header = ['benchmark', 'db', 'ops/s', 'p50 ms', 'p99 ms', 'figures'];
  const cells = rows.map((row) => {
    const r = row.result;
    const figures = Object.entries(r?.figures ?? {}).map(([k, v]) => `${k}=${v}`);
    if (row.error !== null) figures.unshift(`FAILED: ${row.error}`);
    return [row.name, row.db, r ? round(r.ops_per_s, 1).toFixed(1) : '-', r ? round(r.p50_ms).toFixed(2) : '-', r ? round(r.p99_ms).toFixed(2) : '-', figures.join(' ')];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  // Names and text to the left, figures to the right, like any table of numbers.
  const line = (c: string[]) => c.map((v, i) => (i >= 2 && i <= 4 ? v.padStart(widths[i]!) : i === c.length - 1 ? v : v.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(line(widths.map((w, i) => (i === widths.length - 1 ? '-'.repeat(header[i]!.length) : '-'.repeat(w)))));
  for (const c of cells) console.log(line(c));
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { duration: { type: 'string' }, warmup: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const durationMs = seconds(values.duration, 5, 'duration', 0.5) * 1000;
  const warmupMs = seconds(values.warmup, 1, 'warmup', 0) * 1000;
  const selected = BENCHMARKS.filter((b) => positionals.length === 0 || positionals.some((f) => b.name.includes(f)));
  if (selected.length === 0) throw new Error(`no benchmark matches ${positionals.join(', ')}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`);

  const databaseUrl = process.env.RINGFENCE_BENCH_DATABASE_URL || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('RINGFENCE_BENCH_DATABASE_URL must be a postgres:// URL');
  const engines: Engine[] = databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  // Progress goes to stderr so that --json output stays one object per line.
  console.error(
    `Ringfence benchmarks: ${durationMs / 1000} s each after ${warmupMs / 1000} s warm-up, on ${engines.join(' and ')}; ` +
      `Node ${process.version}, ${availableParallelism()} cores.` +
      (databaseUrl ? '' : ' Set RINGFENCE_BENCH_DATABASE_URL to run on PostgreSQL too.'),
  );

  const rows: Row[] = [];
  for (const benchmark of selected) {
    for (const engine of engines) {
      console.error(`  ${benchmark.name} on ${engine}…`);
      const env = new BenchEnv({ engine, databaseUrl, durationMs, warmupMs });
      let row: Row;
      try {
        const result = await benchmark.run(env);
        row = { name: benchmark.name, db: engine, result, error: result.failure ?? null };
      } catch (err) {
        row = { name: benchmark.name, db: engine, result: null, error: err instanceof Error ? err.message : String(err) };
      } finally {
        await env.dispose();
      }
      rows.push(row);
      if (values.json) console.log(jsonLine(row));
    }
  }
  if (!values.json) printTable(rows);
  return rows.some((r) => r.error !== null) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
