#!/usr/bin/env node
// Runs the whole suite on SQLite and, when RINGFENCE_TEST_DATABASE_URL is set, again on
// PostgreSQL (each test app in its own schema). Arguments filter test files by substring.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

const files = roots.flatMap(collect).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error('No test files match');
  process.exit(1);
}

// The browser tests need the built console; build it once here rather than in every test process.
if (files.some((f) => f.startsWith('e2e'))) {
  console.log('Building the web console for the browser tests…');
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const engines = ['sqlite'];
if (process.env.RINGFENCE_TEST_DATABASE_URL) engines.push('postgres');
else console.log('RINGFENCE_TEST_DATABASE_URL is not set: running on SQLite only.');

function run(engine) {
  return new Promise((resolve) => {
    console.log(`\n=== Ringfence tests on ${engine} (${files.length} files) ===\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
      env: { ...process.env, RINGFENCE_TEST_ENGINE: engine },
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

/** Drops the schemas the PostgreSQL run created (each test app has its own). */
async function dropTestSchemas() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.RINGFENCE_TEST_DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rf\\_t\\_%'`);
  for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`);
  await client.end();
  return rows.length;
}

const results = [];
for (const engine of engines) {
  if (engine === 'postgres') await dropTestSchemas();
  results.push(await run(engine));
  if (engine === 'postgres') console.log(`Dropped ${await dropTestSchemas()} test schemas.`);
}
console.log('\n=== Summary ===');
for (const r of results) console.log(`${r.engine.padEnd(9)} tests ${r.tests}  pass ${r.pass}  fail ${r.fail}  skipped ${r.skipped}  exit ${r.code}`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
