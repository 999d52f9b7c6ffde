import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { ENGINE, buildTestApp, createTestDatabase, rawSql, type TestApp } from '../../test/helpers.ts';
import { DEMO_LAPSING_DAYS, DEMO_PASSWORD, completedToLapseIn, readDemoAccounts, seedDemo } from './demo.ts';
import { addDays, addMonths, daysUntil } from '../platform/calendar.ts';
import { TRAINING_REMINDER_DAYS } from '../modules/compliance/reminders.service.ts';
import { openKeyRing } from '../platform/crypto/key-provider.ts';
import { createPatient } from '../modules/patients/patients.service.ts';
import { unsafeSystemContext } from '../platform/system-context.ts';
import { loadConfig } from '../config.ts';
import { tenantDb } from '../platform/db/tenant-db.ts';

const BIN = new URL('../../bin/ringfence.js', import.meta.url).pathname;
const PASSWORD = 'granite meadow lantern 31';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ringfence(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, NODE_ENV: 'test' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

async function cliEnv(t: Parameters<typeof createTestDatabase>[0]) {
  const { settings, database } = await createTestDatabase(t);
  const env: Record<string, string> = {
    RINGFENCE_DATA_DIR: settings.dataDir,
    RINGFENCE_MASTER_KEY: randomBytes(32).toString('base64'),
    RINGFENCE_LOG_LEVEL: 'silent',
  };
  if (settings.databaseUrl) env.DATABASE_URL = settings.databaseUrl;
  if (settings.databaseSchema) env.RINGFENCE_DATABASE_SCHEMA = settings.databaseSchema;
  return { env, database };
}

// Help touches no database: checked once, on the SQLite pass.
test('every command has --help', { skip: ENGINE === 'postgres' ? 'help touches no database' : false }, async () => {
  const commands = [[], ['serve'], ['init'], ['migrate'], ['audit', 'verify'], ['audit', 'export'], ['user', 'add'], ['user', 'deactivate'], ['user', 'list'], ['keys', 'status'], ['scan-phi']];
  // Two at a time: each is a process of its own.
  for (let i = 0; i < commands.length; i += 2) {
    await Promise.all(
      commands.slice(i, i + 2).map(async (args) => {
        const run = await ringfence([...args, '--help'], {});
        assert.equal(run.code, 0, args.join(' '));
        assert.match(run.stdout, /Usage: ringfence/);
      }),
    );
  }
});

test('init, user add/list/deactivate, migrate and audit verify work against the configured database', async (t) => {
  const { env, database } = await cliEnv(t);
  const init = await ringfence(['init', '--org', 'Harborview Answering', '--email', 'chief@example.test', '--password-stdin'], env, `${PASSWORD}\n`);
  assert.equal(init.code, 0, init.stderr);
  const created = JSON.parse(init.stdout) as { orgId: string; userId: string; totpUri: string };
  assert.deepEqual(Object.keys(created).sort(), ['orgId', 'totpUri', 'userId']);
  assert.match(created.totpUri, /^otpauth:\/\/totp\//);

  // An address is unique within the organization.
  const dup = await ringfence(['user', 'add', '--email', 'chief@example.test', '--name', 'Chief Again', '--password-stdin'], env, `${PASSWORD}\n`);
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /already exists/);

  const weak = await ringfence(['user', 'add', '--email', 'weak@example.test', '--name', 'Weak', '--password-stdin'], env, 'short');
  assert.equal(weak.code, 1);
  assert.match(weak.stderr, /The password must be at least 12 characters\./);

  const add = await ringfence(['user', 'add', '--email', 'nina@example.test', '--name', 'Nina Agent', '--role', 'compliance', '--password-stdin'], env, PASSWORD);
  assert.equal(add.code, 0, add.stderr);
  assert.deepEqual(JSON.parse(add.stdout).roles, ['compliance']);

  const list = await ringfence(['user', 'list', '--json'], env);
  assert.equal(list.code, 0, list.stderr);
  assert.deepEqual(
    (JSON.parse(list.stdout) as { email: string }[]).map((u) => u.email),
    ['chief@example.test', 'nina@example.test'],
  );

  const deactivate = await ringfence(['user', 'deactivate', '--email', 'nina@example.test'], env);
  assert.equal(deactivate.code, 0, deactivate.stderr);
  assert.match(deactivate.stdout, /Deactivated nina@example.test/);

  const migrate = await ringfence(['migrate'], env);
  assert.equal(migrate.code, 0, migrate.stderr);
  assert.match(migrate.stdout, /up to date/);

  const verify = await ringfence(['audit', 'verify'], env);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, new RegExp(`ok +org ${created.orgId}: \\d+ events verified`));

  // An attacker with database access edits one event: verification fails and names it.
  const app = { database } as TestApp;
  const victim = await database.unsafeKysely.selectFrom('audit_events').select('id').where('action', '=', 'user.created').orderBy('id').executeTakeFirstOrThrow();
  if (ENGINE === 'sqlite') await rawSql(app, 'DROP TRIGGER audit_events_no_update');
  else await rawSql(app, 'ALTER TABLE audit_events DISABLE TRIGGER USER');
  await rawSql(app, `UPDATE audit_events SET details = '{"email":"forged@example.test"}' WHERE id = ${victim.id}`);
  const tampered = await ringfence(['audit', 'verify'], env);
  assert.equal(tampered.code, 1);
  assert.match(tampered.stdout, new RegExp(`FAIL +org ${created.orgId}: event ${victim.id} at position \\d+: the event was altered`));
  const json = await ringfence(['audit', 'verify', '--json'], env);
  assert.equal(JSON.parse(json.stdout)[0].firstProblem.eventId, Number(victim.id));
});

test('an invalid setting stops the CLI with one line naming it', async () => {
  const run = await ringfence(['migrate'], { PORT: 'abc', RINGFENCE_DATA_DIR: '/tmp/ringfence-never-used' });
  assert.equal(run.code, 1);
  assert.equal(run.stderr.trim().split('\n').length, 1);
  assert.match(run.stderr, /Invalid configuration: PORT must be a whole number/);
});

test('serve starts the app, prints the URL, answers health, and seals the trail on SIGTERM', async (t) => {
  const { env, database } = await cliEnv(t);
  const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, ...env, PORT: '0', NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/[^/\s]+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  const health = await (await fetch(`${url}api/health`)).json();
  assert.deepEqual(health, { status: 'ok', db: ENGINE, version: health.version });
  const setup = await fetch(`${url}api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ orgName: 'Served Org', email: 'first@example.test', password: PASSWORD }),
  });
  assert.equal(setup.status, 201);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
  const events = await database.unsafeKysely.selectFrom('audit_events').select('id').execute();
  const links = await database.unsafeKysely.selectFrom('audit_chain').select('event_id').execute();
  assert.ok(events.length > 0);
  assert.equal(links.length, events.length, 'a graceful shutdown seals every event');
});

test('the demo organization has one person per role, each able to sign in, with synthetic data only', async (t) => {
  const app = await buildTestApp(t);
  const accounts = await seedDemo(app.database, app.app.platform.keyring, app.config.dataDir);
  assert.deepEqual(
    accounts.map((a) => a.role),
    ['admin', 'compliance', 'supervisor', 'agent', 'nurse', 'provider'],
  );
  assert.deepEqual(readDemoAccounts(app.config.dataDir), accounts);
  const agent = accounts.find((a) => a.role === 'agent')!;
  const browser = app.client();
  const signedIn = await browser.signIn(agent.email, DEMO_PASSWORD, agent.totpSecret);
  assert.equal(signedIn.status, 200);
  const clients = await browser.get('/api/clients');
  assert.deepEqual(
    clients.body.items.map((c: { name: string }) => c.name).sort(),
    ['Lakeside Pediatrics (demo)', 'Riverbend Family Medicine (demo)'],
  );
  assert.ok(accounts.every((a) => a.email.endsWith('@demo.ringfence.test')));
  // Each client has a few synthetic patients; the agent finds one of theirs by phone.
  const firstClient = clients.body.items.find((c: { name: string }) => c.name.startsWith('Lakeside')).id;
  const found = await browser.post('/api/patients/search', { clientId: firstClient, phone: '555-010-1000' });
  assert.equal(found.body.items.length, 1, found.text);
  assert.equal((await browser.get(`/api/patients?clientId=${firstClient}`)).body.total, 4);
  // Seeding happens once: the demo refuses to seed a database that already has an organization.
  await assert.rejects(seedDemo(app.database, app.app.platform.keyring, app.config.dataDir), /already been completed/);
});

test('the demo agent has a course lapsing soon, seen on the dashboard, whatever the date', async (t) => {
  // Every day of four years (a leap year among them), for the validities a course may have.
  for (let day = '2027-01-01'; day < '2031-01-01'; day = addDays(day, 1)) {
    for (const months of [6, 12, 24]) {
      const left = daysUntil(addMonths(completedToLapseIn(day, DEMO_LAPSING_DAYS, months), months), day);
      assert.ok(left > Math.min(...TRAINING_REMINDER_DAYS) && left <= Math.max(...TRAINING_REMINDER_DAYS), `${day}, ${months} months: lapses in ${left} days`);
    }
  }
  const app = await buildTestApp(t);
  const accounts = await seedDemo(app.database, app.app.platform.keyring, app.config.dataDir);
  const officer = accounts.find((a) => a.role === 'compliance')!;
  const browser = app.client();
  assert.equal((await browser.signIn(officer.email, DEMO_PASSWORD, officer.totpSecret)).status, 200);
  const dashboard = await browser.get('/api/compliance/dashboard');
  assert.equal(dashboard.status, 200, dashboard.text);
  const lapsing = dashboard.body.training.expiringSoon as { displayName: string; daysLeft: number }[];
  assert.deepEqual(
    lapsing.map((e) => e.displayName),
    ['Alex Agent'],
  );
  assert.ok(lapsing[0]!.daysLeft >= DEMO_LAPSING_DAYS - 1 && lapsing[0]!.daysLeft <= DEMO_LAPSING_DAYS, `lapses in ${lapsing[0]!.daysLeft} days`);
});

test('keys status, rotate, rewrap and rotate-master from the command line', async (t) => {
  const { env, database } = await cliEnv(t);
  const init = await ringfence(['init', '--org', 'Keyholder Answering', '--email', 'keys@example.test', '--password-stdin'], env, `${PASSWORD}\n`);
  assert.equal(init.code, 0, init.stderr);
  const { orgId } = JSON.parse(init.stdout) as { orgId: string };
  // A client with a few patients, written through the service with the same master key.
  const { keyring } = openKeyRing(loadConfig(env));
  const tenant = tenantDb(database.unsafeKysely, database.engine, orgId);
  const clientId = crypto.randomUUID();
  const now = new Date().toISOString();
  await tenant.insertInto('clients', { id: clientId, name: 'Keyholder Clinic', time_zone: 'America/Chicago', status: 'active', created_at: now, updated_at: now }).execute();
  const ctx = unsafeSystemContext(database, keyring, orgId, 'supervisor');
  for (let i = 0; i < 5; i += 1) await createPatient(ctx, { clientId, name: { given: 'Cli', family: `Fixture${i}` }, mrn: `TEST-CLI-${i}` });

  assert.match((await ringfence(['keys', 'rotate'], env)).stderr, /Name a client with --client ID, or use --org-key/);
  const rotate = await ringfence(['keys', 'rotate', '--client', clientId], env);
  assert.equal(rotate.code, 0, rotate.stderr);
  assert.match(rotate.stdout, /Data key version 2 is now current/);
  const status = JSON.parse((await ringfence(['keys', 'status', '--client', clientId, '--json'], env)).stdout) as { currentVersion: number; rowsToRewrap: number }[];
  assert.deepEqual([status[0]!.currentVersion, status[0]!.rowsToRewrap], [2, 5]);
  const rewrapRun = await ringfence(['keys', 'rewrap', '--batch-size', '2'], env);
  assert.equal(rewrapRun.code, 0, rewrapRun.stderr);
  assert.match(rewrapRun.stdout, /Keyholder Clinic: 5 rows re-encrypted under version 2/);
  assert.match((await ringfence(['keys', 'rewrap'], env)).stdout, /Nothing to rewrap/);

  // Master-key rotation: new key configured, old one as the previous key.
  const dir = env.RINGFENCE_DATA_DIR!;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${dir}/old.key`, env.RINGFENCE_MASTER_KEY!, { mode: 0o600 });
  const rotated = { ...env, RINGFENCE_MASTER_KEY: randomBytes(32).toString('base64'), RINGFENCE_PREVIOUS_MASTER_KEY_FILE: `${dir}/old.key` };
  const master = await ringfence(['keys', 'rotate-master'], rotated);
  assert.equal(master.code, 0, master.stderr);
  assert.match(master.stdout, /^4 data keys rewrapped/, 'the organization key, the client’s two data-key versions and its index key');
  // Without the previous key, the new master key alone reads everything.
  const { RINGFENCE_PREVIOUS_MASTER_KEY_FILE: _old, ...after } = rotated;
  const finalStatus = await ringfence(['keys', 'status', '--json'], after);
  assert.equal(finalStatus.code, 0, finalStatus.stderr);
  const { keyring: newRing } = openKeyRing(loadConfig(after));
  const row = await tenant.selectFrom('patients').selectAll().limit(1).executeTakeFirstOrThrow();
  assert.match(await newRing.decryptField(tenant, { clientId, table: 'patients', column: 'mrn_enc', rowId: row.id }, row.mrn_enc!), /^TEST-CLI-/);
});

test('scan-phi: JSON Lines in, one result line per input line out, nothing else on standard output; 2 naming malformed lines', { skip: ENGINE === 'postgres' ? 'scan-phi touches no database' : false }, async () => {
  const input = [
    JSON.stringify({ id: 'a', text: 'cb 555-201-3344 dob 4/12/61' }),
    '',
    JSON.stringify({ id: 7, text: 'P-7F3K2Q refill, BP 140/90' }),
  ].join('\n');
  const ok = await ringfence(['scan-phi'], {}, `${input}\n`);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(
    ok.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)),
    [
      { id: 'a', spans: [{ start: 3, end: 15, type: 'PHONE' }, { start: 20, end: 27, type: 'DATE' }] },
      { id: 7, spans: [] },
    ],
  );
  const bad = await ringfence(['scan-phi'], {}, `${JSON.stringify({ id: 1, text: 'fine' })}\n{oops\n${JSON.stringify({ text: 'no id' })}\n${JSON.stringify({ id: 2, text: 'ssn 123-45-6789' })}\n`);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /line 2: not valid JSON/);
  assert.match(bad.stderr, /line 3: expected an object with "id"/);
  assert.deepEqual(
    bad.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id),
    [1, 2],
    'valid lines are still answered, and only they reach standard output',
  );
  const help = await ringfence(['scan-phi', '--help'], {});
  assert.match(help.stdout, /Exit status: 0 when every line was read; 2 when a line/);
});
