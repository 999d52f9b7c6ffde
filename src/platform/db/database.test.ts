import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test, type TestContext } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { ENGINE, createTestDatabase } from '../../../test/helpers.ts';
import { cachingStatements, openDatabase, sessionOptions } from './database.ts';

// Each engine's own statement machinery: on SQLite compiled statements kept and the write-ahead
// log copied back on a thread of its own; on PostgreSQL named prepared statements.

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ringfence-db-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('compiled statements are kept by their text, least recently used dropped, and a streamed query gets its own', (t) => {
  const sqlite = new SqliteDatabase(path.join(tempDir(t), 'cache.sqlite'));
  const db = cachingStatements(sqlite, 2);
  t.after(() => db.close());
  db.prepare('create table notes (n integer)').run([]);
  db.prepare('insert into notes values (?), (?), (?)').run([1, 2, 3]);
  const count = db.prepare('select count(*) as c from notes');
  assert.equal(db.prepare('select count(*) as c from notes'), count, 'the same text gets the compiled statement back');
  assert.deepEqual(count.all([]), [{ c: 3 }]);
  db.prepare('select n from notes where n > ?');
  db.prepare('select max(n) as m from notes');
  assert.notEqual(db.prepare('select count(*) as c from notes'), count, 'dropped once two newer ones came in');

  // Two iterations of one text at once: a shared compiled statement would be "busy".
  const outer = db.prepare('select n from notes order by n').iterate([]);
  const seen: number[] = [];
  for (const row of outer as Iterable<{ n: number }>) {
    seen.push(row.n);
    const inner = [...(db.prepare('select n from notes order by n').iterate([]) as Iterable<{ n: number }>)].map((r) => r.n);
    assert.deepEqual(inner, [1, 2, 3]);
  }
  assert.deepEqual(seen, [1, 2, 3]);
});

test('with background checkpoints the log is copied into the database file by the checkpointer thread, and closing stops it', async (t) => {
  const dataDir = tempDir(t);
  const database = openDatabase({ databaseUrl: null, databaseSchema: null, dataDir }, { backgroundCheckpoints: true });
  const kysely = database.unsafeKysely;
  await sql`create table filler (body text not null)`.execute(kysely);
  const file = path.join(dataDir, 'ringfence.sqlite');
  const before = statSync(file).size;
  // About 6 MB: 1,500 pages, beyond the 1,000 at which a commit would checkpoint by itself.
  const body = 'x'.repeat(4000);
  for (let i = 0; i < 1500; i += 1) await sql`insert into filler (body) values (${body})`.execute(kysely);
  const auto = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(kysely);
  assert.ok(auto.rows[0]!.wal_autocheckpoint > 1500, 'commits leave checkpoints to the thread');

  let size = statSync(file).size;
  for (let waited = 0; size < before + 5_000_000 && waited < 10_000; waited += 50) {
    await sleep(50);
    size = statSync(file).size;
  }
  assert.ok(size >= before + 5_000_000, `the database file holds the rows (${size} bytes)`);
  await database.close();
  const reopened = new SqliteDatabase(file, { readonly: true });
  t.after(() => reopened.close());
  assert.deepEqual(reopened.prepare('select count(*) as c from filler').get(), { c: 1500 });
});

test('SQLite syncs its log at checkpoints (NORMAL) unless the setting asks for every commit (FULL), in WAL mode either way', async (t) => {
  for (const [setting, level] of [[undefined, 1], ['normal', 1], ['full', 2]] as const) {
    const database = openDatabase({ databaseUrl: null, databaseSchema: null, dataDir: tempDir(t), ...(setting ? { sqliteSynchronous: setting } : {}) });
    const kysely = database.unsafeKysely;
    assert.equal((await sql<{ synchronous: number }>`pragma synchronous`.execute(kysely)).rows[0]!.synchronous, level, `${setting ?? 'default'} is level ${level}`);
    assert.equal((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(kysely)).rows[0]!.journal_mode, 'wal');
    await database.close();
  }
});

test('on PostgreSQL queries run as named prepared statements, parsed once per connection; schema changes stay unnamed', { skip: ENGINE !== 'postgres' && 'PostgreSQL only' }, async (t) => {
  const { database } = await createTestDatabase(t);
  const kysely = database.unsafeKysely;
  await sql`create schema if not exists ${sql.id(database.schema!)}`.execute(kysely);
  await sql`create table notes (n integer)`.execute(kysely);
  // A transaction holds one connection: what it prepared is in its session's catalog.
  const prepared = await kysely.transaction().execute(async (tx) => {
    for (let i = 0; i < 3; i += 1) await sql`select count(*) from notes where n > ${i}`.execute(tx);
    return sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(tx);
  });
  const counts = prepared.rows.filter((r) => r.statement.startsWith('select count(*) from notes'));
  assert.equal(counts.length, 1, 'one statement for three calls');
  assert.match(counts[0]!.name, /^rf_[0-9a-f]{40}$/);
  assert.ok(!prepared.rows.some((r) => /create table/i.test(r.statement)), 'the schema change was not prepared');
});

test('PostgreSQL session settings from the URL are kept beside the schema’s search path', () => {
  assert.deepEqual(sessionOptions('postgres://u@db:5432/rf', 'tenant_a'), { connectionString: 'postgres://u@db:5432/rf', options: '-c search_path=tenant_a' });
  assert.deepEqual(sessionOptions('postgres://u@db:5432/rf?sslmode=require&options=-c%20statement_timeout%3D5000', 'tenant_a'), {
    connectionString: 'postgres://u@db:5432/rf?sslmode=require',
    options: '-c statement_timeout=5000 -c search_path=tenant_a',
  });
  assert.deepEqual(sessionOptions('postgres://u@db:5432/rf?options=-c%20statement_timeout%3D5000', null), { connectionString: 'postgres://u@db:5432/rf', options: '-c statement_timeout=5000' });
  assert.deepEqual(sessionOptions('postgres://u@db:5432/rf', null), { connectionString: 'postgres://u@db:5432/rf', options: null });
});
