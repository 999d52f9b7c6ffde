/**
 * Table ownership: each table is declared in one owner's `*.tables.ts` (a module under
 * src/modules, or a part of the platform), and only that owner's code queries it. Others ask
 * the owner through its exported functions (docs/architecture.md, "Table ownership").
 *
 * The crossings that remain from before tables had owners are listed below with the owner's
 * function that should replace them; the test fails on any new crossing, and on a listed one
 * that no longer exists, so the list only shrinks.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The owner of a file: `modules/<name>`, `platform/<part>`, or its top folder under src (`cli`). */
function areaOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if ((parts[0] === 'modules' || parts[0] === 'platform') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.ts$/, '');
}

/** Table → owner, from the `interface Database` blocks of the `*.tables.ts` files. */
function owners(files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.tables.ts'))) {
    const block = /interface Database \{([^}]*)\}/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    for (const [, table] of block.matchAll(/^\s*(\w+):/gm)) {
      assert.ok(!out.has(table!), `${table} is declared by ${out.get(table!)} and ${areaOf(file)}`);
      out.set(table!, areaOf(file));
    }
  }
  return out;
}

const QUERY = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"`](\w+)/g;

/** `area → table` for every query of a table outside its owner. */
function crossings(): Map<string, string[]> {
  const files = sourceFiles(SRC);
  const ownerOf = owners(files);
  const out = new Map<string, string[]>();
  for (const file of files) {
    const area = areaOf(file);
    for (const [, table] of readFileSync(file, 'utf8').matchAll(QUERY)) {
      const owner = ownerOf.get(table!);
      assert.ok(owner, `${path.relative(ROOT, file)} queries ${table}, which no *.tables.ts declares`);
      if (owner === area) continue;
      const key = `${area} → ${table}`;
      out.set(key, [...new Set([...(out.get(key) ?? []), path.relative(ROOT, file)])]);
    }
  }
  return out;
}

/**
 * Queries of another owner's table that predate ownership, with what replaces each one.
 * Remove a line when its crossing is gone; never add one: ask the owner instead.
 */
const KNOWN_CROSSINGS: Record<string, string> = {
  'cli → organizations': 'the operator commands list organizations: organizations module',
  'cli → users': 'the operator commands look people up by e-mail: users module',
  'modules/compliance → users': 'names and status of people for reviews, training and reminders: users module (staffNames, listUsers)',
  'modules/compliance → role_assignments': 'access reviews snapshot who holds which role: users module',
  'modules/compliance → roles': 'access reviews name the roles: roles module',
  'modules/compliance → clients': 'client names and time zones for BAAs and reminders: clients module (clientList, clientSettings)',
  'modules/compliance → organizations': 'the reminder sweep lists organizations: organizations module',
  'modules/organizations → users': 'creating an organization creates its first administrator: users module',
  'modules/organizations → role_assignments': "the first administrator's role: users module",
  'modules/tasks → users': 'assignee names and on-duty agents: users module (staffNames)',
  'modules/tasks → clients': "callback policy and time zone of the task's client: clients module (clientSettings)",
  'modules/tasks → patients': 'the patient reference of a task: patients module',
  'modules/tasks → role_assignments': 'who may be assigned a task: platform authz (people reaching a client)',
  'modules/tasks → role_permissions': 'who may be assigned a task: platform authz',
  'modules/users → roles': 'role keys and names of assignments: roles module',
  'modules/users → clients': 'client names of assignments: clients module (clientList)',
  'modules/users → recovery_codes': "resetting a person's second factor: platform auth",
  'platform/audit → users': 'actor names in audit search: a port the users module implements',
  'platform/audit → organizations': "verifying every organization's chain lists them: a port",
  'platform/auth → api_tokens': 'authenticating a bearer token: a port the tokens module implements',
  'platform/auth → organizations': 'sign-in names the organizations of an address: a port',
  'platform/auth → role_assignments': "the signed-in person's roles: a port the users module implements",
  'platform/auth → roles': "the signed-in person's roles: a port",
  'platform/auth → users': 'sign-in, lockout and second factor read and write the person: a port the users module implements',
  'platform/authz → role_assignments': 'grants from role assignments: a port',
  'platform/authz → role_permissions': 'grants from roles: a port the roles module implements',
  'platform/authz → clients': 'assignments to inactive clients grant nothing: the client directory port',
  'platform/authz → roles': 'role lookups: a port the roles module implements',
  'platform/crypto → clients': 'key status names each client: the client directory port',
  'platform/db → organizations': "TenantDb.organization() reads the tenant's own row: organizations module",
};

test('only the owner of a table queries it; every other area asks the owner', () => {
  const found = crossings();
  const unexpected = [...found].filter(([key]) => !(key in KNOWN_CROSSINGS)).map(([key, files]) => `${key} (${files.join(', ')})`);
  assert.deepEqual(unexpected, [], 'new queries of a table outside its owner: call a function the owner exports instead');
  const stale = Object.keys(KNOWN_CROSSINGS).filter((key) => !found.has(key));
  assert.deepEqual(stale, [], 'these crossings are gone: remove them from KNOWN_CROSSINGS');
});

test('the ownership scan sees queries, joins and owners', () => {
  const sample = "db.selectFrom('tasks').innerJoin('queues', (j) => j).leftJoin(\"clients\", x); tx.insertInto(`reminders`)";
  assert.deepEqual([...sample.matchAll(QUERY)].map((m) => m[1]), ['tasks', 'queues', 'clients', 'reminders']);
  assert.equal(areaOf(path.join(SRC, 'modules', 'tasks', 'claim.service.ts')), 'modules/tasks');
  assert.equal(areaOf(path.join(SRC, 'platform', 'auth', 'sessions.ts')), 'platform/auth');
  assert.equal(areaOf(path.join(SRC, 'cli', 'index.ts')), 'cli');
  const ownerOf = owners(sourceFiles(SRC));
  assert.equal(ownerOf.get('tasks'), 'modules/tasks');
  assert.equal(ownerOf.get('audit_events'), 'platform/audit');
});

/** Migrations are frozen: what one did must not change when a module changes. */
test('no migration imports module code', () => {
  const folders = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'migrations' ? [path.join(dir, e.name)] : folders(path.join(dir, e.name))) : []));
  const dirs = folders(SRC);
  assert.ok(dirs.length >= 2, 'the platform\'s migrations and at least one module\'s');
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      for (const [, from] of text.matchAll(/from '([^']+)'/g)) {
        if (name === 'index.ts' && from!.startsWith('./')) continue;
        assert.ok(!from!.includes('/modules/') && !/^\.\.\/[a-z-]+\.(service|routes)\.ts$/.test(from!), `${name} imports ${from}`);
        assert.ok(['kysely', 'node:crypto'].includes(from!) || /platform\/(db\/(database|column-types)|module)\.ts$/.test(from!), `${name} imports ${from}: a migration may use only Kysely, node:crypto and the platform's column types`);
      }
    }
  }
});

export { crossings };
