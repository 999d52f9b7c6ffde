#!/usr/bin/env node
// Runs the whole suite on SQLite and, when RINGFENCE_TEST_DATABASE_URL is set, again on
// PostgreSQL (each test app in its own schema). Arguments filter test files by substring.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test', 'e2e'];
const filters = process.argv.slice(2);

function collect(dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(full).isDirectory()) out = out.concat(collect(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

// The longest files start first, so that the run does not end on one of them alone: the
// reliability suites, then the browser tests, then the rest.
const rank = (f) => (f.startsWith(path.join('test', 'suites')) ? 0 : f.startsWith(`e2e${path.sep}`) ? 1 : 2);
const files = roots
  .flatMap(collect)
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
if (files.length === 0) {
  console.error('No test files match');
  process.exit(1);
}

const isBrowserTest = (f) => f.startsWith(`e2e${path.sep}`);

// Each run names its PostgreSQL schemas after itself, so two runs on one server (two
// checkouts, say) never drop each other's schemas.
const runId = randomBytes(3).toString('hex');
const schemaPrefix = `rf_t_${runId}_`;

let engines = ['sqlite'];
if (process.env.RINGFENCE_TEST_DATABASE_URL) engines.push('postgres');
else console.log('RINGFENCE_TEST_DATABASE_URL is not set: running on SQLite only.');
// RINGFENCE_TEST_ENGINES=postgres (or sqlite) runs one pass only.
if (process.env.RINGFENCE_TEST_ENGINES) engines = engines.filter((e) => process.env.RINGFENCE_TEST_ENGINES.split(',').includes(e));

// Test files run two at a time on SQLite, where the browser tests keep both cores busy; three
// at a time on PostgreSQL, where much of each test's time is spent waiting on the server.
const CONCURRENCY = { sqlite: 2, postgres: 3 };

// The browser tests drive the console through the server; the server's data paths behind them
// are covered on both engines by the integration tests. So that the whole run stays within CI's
// time, they run on SQLite (the engine a new installation gets) and on PostgreSQL only with
// RINGFENCE_TEST_E2E_POSTGRES=1 (`npm run test:e2e:postgres`).
const e2eOnPostgres = process.env.RINGFENCE_TEST_E2E_POSTGRES === '1';

// The browser tests need the built console; build it once here rather than in every test process.
// The suites that start `ringfence serve` in a child process need it too (serve would build it
// itself, and two suites building at once would race).
const startsServe = files.some((f) => f.startsWith(path.join('test', 'suites')));
if (files.some((f) => isBrowserTest(f) && (engines.includes('sqlite') || e2eOnPostgres)) || (startsServe && !existsSync(path.join('web', 'dist', 'index.html')))) {
  console.log('Building the web console for the browser tests…');
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function run(engine) {
  const own = engine === 'postgres' && !e2eOnPostgres ? files.filter((f) => !isBrowserTest(f)) : files;
  if (own.length === 0) return Promise.resolve({ engine, code: 0, tests: 0, pass: 0, fail: 0, skipped: 0 });
  return new Promise((resolve) => {
    const left = files.length - own.length;
    console.log(`\n=== Ringfence tests on ${engine} (${own.length} files${left ? `; ${left} browser test files on SQLite only, RINGFENCE_TEST_E2E_POSTGRES=1 runs them here too` : ''}) ===\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${CONCURRENCY[engine]}`, '--test-reporter=spec', ...own], {
      env: { ...process.env, RINGFENCE_TEST_ENGINE: engine, RINGFENCE_TEST_SCHEMA_PREFIX: schemaPrefix },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      const num = (label) => Number(new RegExp(`ℹ ${label} (\\d+)`).exec(tail)?.[1] ?? NaN);
      resolve({ engine, code, tests: num('tests'), pass: num('pass'), fail: num('fail'), skipped: num('skipped') });
    });
  });
}

/**
 * Drops the schemas this run's PostgreSQL pass created (each test app has its own, and pg-boss's
 * `<schema>_jobs` beside it when the test used jobs: the same prefix takes both).
 */
async function dropTestSchemas() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.RINGFENCE_TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)`, [schemaPrefix]);
  for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  await client.end();
  return rows.length;
}

const results = [];
for (const engine of engines) {
  results.push(await run(engine));
  if (engine === 'postgres') console.log(`Dropped ${await dropTestSchemas()} test schemas.`);
}
console.log('\n=== Summary ===');
for (const r of results) console.log(`${r.engine.padEnd(9)} tests ${r.tests}  pass ${r.pass}  fail ${r.fail}  skipped ${r.skipped}  exit ${r.code}`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
