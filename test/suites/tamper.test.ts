/**
 * Tamper suite: an attacker with write access to the database, but not to the master key,
 * edits, removes, reorders or forges rows of a realistic audit trail and alters ciphertexts.
 * Every trial must be caught by `verifyOrganizationChain` (what `ringfence audit verify`
 * runs) or refused on decrypt. Each trial runs in a transaction that is rolled back, so the
 * next one starts from the sealed trail again.
 */
import assert from 'node:assert/strict';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ENGINE, buildTestApp, createTestOrg, insertTestQueue, sealUntilSettled, signedInClient, type TestApp, type TestClient } from '../helpers.ts';
import { linkHash } from '../../src/platform/audit/chain.ts';
import { verifyOrganizationChain } from '../../src/platform/audit/verify.ts';
import { loadAuditSigner, writeCheckpoints } from '../../src/platform/audit/checkpoints.ts';
import { verifyOrganizationTrail } from '../../src/platform/audit/integrity.ts';
import type { FieldLocation } from '../../src/platform/crypto/keyring.ts';
import { PATIENT_COLUMNS } from '../../src/modules/patients/patient-fields.ts';
import type { RingfenceDatabase } from '../../src/platform/db/database.ts';
import type { Database } from '../../src/platform/db/types.ts';
import type { AuditEventRow } from '../../src/platform/audit/audit.tables.ts';
import { report, scale } from './scale.ts';

const TRIALS = scale(200, 1000);
const FIELD_OF_COLUMN = new Map<string, string>(Object.entries(PATIENT_COLUMNS).map(([field, column]) => [column, field]));

/** A patient with every field filled in: synthetic values only. */
function syntheticPatient(clientId: string, n: number) {
  const token = randomBytes(3).toString('hex');
  return {
    clientId,
    name: { given: `Tamsin${token}`, family: `Ledgerwood-${n}` },
    phones: [{ number: `(555) 010-${String(1000 + n).slice(-4)}`, type: 'mobile' }],
    email: `tamsin.${token}@example.test`,
    dateOfBirth: `19${50 + n}-0${1 + (n % 9)}-1${n % 10}`,
    address: { line1: `${100 + n} Synthetic Orchard Way`, city: 'Nowhereville', state: 'IL', postalCode: '62999' },
    mrn: `TEST-MRN-${token}`,
    callbackWindow: 'weekdays after 5pm',
    notes: `Synthetic note ${token}`,
  };
}

/** Builds an organization's trail the way people would: patients, tasks, attempts, messages, reveals, searches. */
async function buildTrail(app: TestApp) {
  const org = await createTestOrg(app, {
    clients: ['A', 'B'],
    users: { agent: ['agent', 'A'], nurse: ['clinical_agent', 'A'], supervisor: ['supervisor', 'A'], supervisorB: ['supervisor', 'B'], agentB: ['agent', 'B'] },
  });
  const as = (key: string): Promise<TestClient> => signedInClient(app, org.orgId, org.users[key]!.id);
  const [agent, nurse, supervisor, supervisorB, agentB] = await Promise.all(['agent', 'nurse', 'supervisor', 'supervisorB', 'agentB'].map(as));
  const ok = (res: { status: number; text: string }, what: string) => assert.ok(res.status < 300, `${what}: ${res.status} ${res.text}`);
  await app.client().post('/api/auth/login', { email: org.users.agent!.email, password: 'not the password at all' });
  for (const [client, sup, worker, clinician] of [
    ['A', supervisor!, agent!, nurse!],
    ['B', supervisorB!, agentB!, null],
  ] as const) {
    const clientId = org.clients[client]!;
    const queueId = await insertTestQueue(app, org.orgId, clientId, `Refills ${client}`);
    for (let n = 0; n < 4; n += 1) {
      const created = await sup.post('/api/patients', syntheticPatient(clientId, n));
      ok(created, 'patient');
      const patientId = created.body.patient.id as string;
      ok(await sup.post(`/api/patients/${patientId}/reveal`, { fields: ['name', 'phones'], purpose: 'callback' }), 'reveal');
      ok(await worker.post('/api/patients/search', { clientId, phone: `555-010-${String(1000 + n).slice(-4)}` }), 'search');
      const task = await worker.post('/api/tasks', { clientId, queueId, patientId, reasonCode: 'refill', priority: 'routine', title: 'Refill request' });
      ok(task, 'task');
      // The PHI guard refuses a title with a name and number: a refused attempt is in the trail too.
      await worker.post('/api/tasks', { clientId, queueId, patientId, reasonCode: 'refill', priority: 'routine', title: `Call back Tamsin Ledgerwood at 555-010-${1000 + n}` });
      const claimed = await worker.post('/api/tasks/claim-next', { clientId });
      ok(claimed, 'claim');
      ok(await worker.post(`/api/tasks/${claimed.body.id}/attempts`, { channel: 'phone', outcome: 'no_answer', note: 'No answer, left no message' }), 'attempt');
      if (clinician) ok(await clinician.post(`/api/tasks/${task.body.id}/messages`, { body: `Synthetic triage ${n}: wheezing since Tuesday` }), 'message');
    }
  }
  return org;
}

class Rollback extends Error {}

/** Runs a tampering in a transaction with the append-only guards off, asks the verifier, and rolls everything back. */
async function inRolledBack<T>(app: TestApp, fn: (trx: Transaction<Database>, database: RingfenceDatabase) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await app.database.unsafeKysely.transaction().execute(async (trx) => {
      if (ENGINE === 'sqlite') {
        for (const table of ['audit_events', 'audit_chain']) for (const op of ['update', 'delete']) await sql.raw(`DROP TRIGGER ${table}_no_${op}`).execute(trx);
        await sql.raw('PRAGMA defer_foreign_keys = ON').execute(trx);
      } else {
        // Switches off every trigger, the append-only ones and foreign-key checks, for this transaction only.
        await sql.raw('SET LOCAL session_replication_role = replica').execute(trx);
      }
      out = await fn(trx, { ...app.database, unsafeKysely: trx as Kysely<Database> });
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return out as T;
}

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

/** A different string of the same kind: one character replaced (or a value for an empty one). */
function alter(value: string | null): string {
  if (value === null || value.length === 0) return 'x';
  const i = randomInt(value.length);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEF-_{}":, ';
  let c = pick([...alphabet]);
  while (c === value[i]) c = pick([...alphabet]);
  return value.slice(0, i) + c + value.slice(i + 1);
}

function shiftTime(iso: string): string {
  const ms = Date.parse(iso) + (randomInt(2) === 0 ? -1 : 1) * (1 + randomInt(86_400_000));
  return new Date(ms).toISOString();
}

const EVENT_COLUMNS = [
  'id',
  'org_id',
  'txid',
  'occurred_at',
  'action',
  'outcome',
  'actor_type',
  'actor_id',
  'resource_type',
  'resource_id',
  'client_id',
  'patient_ref',
  'fields',
  'purpose',
  'ip',
  'request_id',
  'details',
] as const;
const NOT_NULL = new Set(['id', 'org_id', 'occurred_at', 'action', 'outcome', 'actor_type']);

type Trx = Transaction<Database>;
type Tamper = (trx: Trx) => Promise<void>;

test('tamper: every edit, removal, reordering or forgery in the trail, and every altered ciphertext, is caught', async (t) => {
  const started = Date.now();
  const app = await buildTestApp(t);
  const org = await buildTrail(app);
  const other = await createTestOrg(app, { clients: ['Z'] });
  await app.client().post('/api/auth/login', { email: other.admin.email, password: 'not the password at all' });
  await sealUntilSettled(app, org.orgId);
  await sealUntilSettled(app, other.orgId);
  const baseline = await verifyOrganizationChain(app.database, org.orgId);
  assert.equal(baseline.ok, true, JSON.stringify(baseline.firstProblem));
  assert.equal(baseline.unsealed, 0);

  const tenant = app.tenant(org.orgId);
  const events = await tenant.selectFrom('audit_events').selectAll().orderBy('id').execute();
  const links = await tenant.selectFrom('audit_chain').selectAll().orderBy('position').execute();
  const head = await tenant.selectFrom('audit_chain_heads').selectAll().executeTakeFirstOrThrow();
  const maxId = Number((await app.database.unsafeKysely.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m);
  const otherEventId = Number((await app.tenant(other.orgId).selectFrom('audit_events').select('id').orderBy('id').executeTakeFirstOrThrow()).id);
  const actions = [...new Set(events.map((e) => e.action))];
  const userIds = [org.admin.id, ...Object.values(org.users).map((u) => u.id)];
  assert.ok(events.length >= 50, `a realistic trail (${events.length} events)`);

  const ev = (trx: Trx, id: number) => trx.updateTable('audit_events').where('org_id', '=', org.orgId).where('id', '=', id);
  const link = (trx: Trx, position: number) => trx.updateTable('audit_chain').where('org_id', '=', org.orgId).where('position', '=', position);
  const randomLink = () => pick(links);

  /** A forged event like a real one, with a fresh id below the sealer's cursor or beyond every id. */
  const forged = (id: number, like: AuditEventRow): AuditEventRow => ({
    ...like,
    id,
    txid: like.txid,
    request_id: randomUUID(),
    details: JSON.stringify({ forged: randomBytes(4).toString('hex') }),
  });
  const insertEvent = (trx: Trx, row: AuditEventRow) => trx.insertInto('audit_events').values(row as never).execute();

  const columnEdit: Tamper = async (trx) => {
    const target = pick(events);
    const column = pick(EVENT_COLUMNS);
    const current = target[column];
    let value: string | number | null;
    if (column === 'id') value = maxId + 1000 + randomInt(1000);
    else if (column === 'txid') value = current === null ? 1 : Number(current) + 1 + randomInt(3);
    else if (column === 'org_id') value = other.orgId;
    else if (column === 'occurred_at') value = shiftTime(String(current));
    else if (column === 'outcome') value = current === 'success' ? 'failure' : 'success';
    else if (column === 'actor_type') value = pick(['user', 'token', 'system'].filter((v) => v !== current));
    else if (column === 'actor_id') value = current === null ? pick(userIds) : pick([null, ...userIds.filter((u) => u !== current)]);
    else if (column === 'action') value = randomInt(2) === 0 ? pick(actions.filter((a) => a !== current).concat(['phi.read'])) : alter(String(current));
    else if (column === 'details' && current && randomInt(2) === 0) {
      const parsed = JSON.parse(String(current)) as Record<string, unknown>;
      value = JSON.stringify({ ...parsed, [pick([...Object.keys(parsed), 'note'])]: 'edited' });
      if (value === current) value = JSON.stringify({ ...parsed, extra: true });
    } else value = !NOT_NULL.has(column) && current !== null && randomInt(4) === 0 ? null : alter(current === null ? null : String(current));
    await ev(trx, Number(target.id))
      .set({ [column]: value } as never)
      .execute();
  };

  const subMillisecond: Tamper = async (trx) => {
    // PostgreSQL keeps microseconds: an edit below the millisecond must not hide.
    const target = pick(events);
    await sql`update audit_events set occurred_at = occurred_at + interval '1 microsecond' * ${1 + randomInt(999)} where org_id = ${org.orgId} and id = ${Number(target.id)}`.execute(trx);
  };

  const linkEdit: Tamper = async (trx) => {
    const target = randomLink();
    const position = Number(target.position);
    switch (randomInt(4)) {
      case 0:
        await link(trx, position).set({ hash: alter(target.hash) }).execute();
        break;
      case 1:
        await link(trx, position).set({ prev_hash: alter(target.prev_hash) }).execute();
        break;
      case 2:
        await link(trx, position).set({ position: links.length + 10 + randomInt(100) }).execute();
        break;
      default:
        // To an event of another organization, or to one that never existed.
        await link(trx, position).set({ event_id: pick([otherEventId, maxId + 1 + randomInt(1000)]) }).execute();
    }
  };

  const headEdit: Tamper = async (trx) => {
    const heads = trx.updateTable('audit_chain_heads').where('org_id', '=', org.orgId);
    switch (randomInt(4)) {
      case 0:
        await heads.set({ hash: alter(head.hash) }).execute();
        break;
      case 1:
        await heads.set({ position: Number(head.position) + pick([-1, 1, 2]) }).execute();
        break;
      case 2:
        // Rewound to an earlier link, as if the chain ended there.
        await heads.set({ position: Number(links[links.length - 2]!.position), hash: links[links.length - 2]!.hash }).execute();
        break;
      default:
        await trx.deleteFrom('audit_chain_heads').where('org_id', '=', org.orgId).execute();
    }
  };

  const deletion: Tamper = async (trx) => {
    const target = randomLink();
    const eventId = Number(target.event_id);
    const position = Number(target.position);
    switch (randomInt(4)) {
      case 0:
        await trx.deleteFrom('audit_events').where('org_id', '=', org.orgId).where('id', '=', eventId).execute();
        break;
      case 1:
        await trx.deleteFrom('audit_chain').where('org_id', '=', org.orgId).where('position', '=', position).execute();
        break;
      case 2:
        await trx.deleteFrom('audit_events').where('org_id', '=', org.orgId).where('id', '=', eventId).execute();
        await trx.deleteFrom('audit_chain').where('org_id', '=', org.orgId).where('position', '=', position).execute();
        break;
      default: {
        // The last event and its link, the head left as it was.
        const last = links[links.length - 1]!;
        await trx.deleteFrom('audit_events').where('org_id', '=', org.orgId).where('id', '=', Number(last.event_id)).execute();
        await trx.deleteFrom('audit_chain').where('org_id', '=', org.orgId).where('position', '=', Number(last.position)).execute();
      }
    }
  };

  const reorder: Tamper = async (trx) => {
    const a = randomLink();
    let b = randomLink();
    while (b.position === a.position) b = randomLink();
    switch (randomInt(3)) {
      case 0: {
        // Two links trade places (their sequence numbers).
        await link(trx, Number(a.position)).set({ position: -1 }).execute();
        await link(trx, Number(b.position)).set({ position: Number(a.position) }).execute();
        await link(trx, -1).set({ position: Number(b.position) }).execute();
        break;
      }
      case 1:
        // Two links point at each other's events.
        await link(trx, Number(a.position)).set({ event_id: -1 }).execute();
        await link(trx, Number(b.position)).set({ event_id: Number(a.event_id) }).execute();
        await link(trx, Number(a.position)).set({ event_id: Number(b.event_id) }).execute();
        break;
      default: {
        // Two events trade ids.
        const tmp = -1 - randomInt(1000);
        await ev(trx, Number(a.event_id)).set({ id: tmp }).execute();
        await ev(trx, Number(b.event_id)).set({ id: Number(a.event_id) }).execute();
        await ev(trx, tmp).set({ id: Number(b.event_id) }).execute();
      }
    }
  };

  const insertion: Tamper = async (trx) => {
    const like = pick(events);
    switch (randomInt(4)) {
      case 0: {
        // A forged event takes a link's place, with the hash its position would give it.
        const target = randomLink();
        const fake = forged(maxId + 1 + randomInt(1000), like);
        await insertEvent(trx, fake);
        await link(trx, Number(target.position))
          .set({ event_id: Number(fake.id), hash: linkHash(target.prev_hash, Number(target.position), fake) })
          .execute();
        break;
      }
      case 1: {
        // A forged event linked after the last one with a correct hash; the head left as it was.
        const last = links[links.length - 1]!;
        const fake = forged(maxId + 1 + randomInt(1000), like);
        await insertEvent(trx, fake);
        const position = Number(last.position) + 1;
        await trx
          .insertInto('audit_chain')
          .values({ org_id: org.orgId, event_id: Number(fake.id), position, prev_hash: last.hash, hash: linkHash(last.hash, position, fake), sealed_at: new Date().toISOString() })
          .execute();
        break;
      }
      case 2:
        // An event slipped in behind the sealer (an id and transaction it has passed), with no link.
        await insertEvent(trx, forged(-1 - randomInt(1_000_000), { ...like, txid: ENGINE === 'postgres' ? 1 : null }));
        break;
      default: {
        // A copy of a real event under an id the sealer has passed.
        await insertEvent(trx, { ...like, id: -1 - randomInt(1_000_000), txid: ENGINE === 'postgres' ? Number(like.txid) : null });
      }
    }
  };

  const kinds: Record<string, Tamper> = {
    'event-column-edit': columnEdit,
    'link-edit': linkEdit,
    'head-edit': headEdit,
    deletion,
    reorder,
    insertion,
    ...(ENGINE === 'postgres' ? { 'event-sub-ms-edit': subMillisecond } : {}),
  };
  const figures: Record<string, { trials: number; detected: number }> = {};
  const misses: string[] = [];
  const names = Object.keys(kinds);
  const chainTrials = Math.ceil(TRIALS * 0.6);
  for (let i = 0; i < chainTrials; i += 1) {
    const kind = names[i % names.length]!;
    const result = await inRolledBack(app, async (trx, database) => {
      await kinds[kind]!(trx);
      return verifyOrganizationChain(database, org.orgId);
    });
    const f = (figures[kind] ??= { trials: 0, detected: 0 });
    f.trials += 1;
    if (!result.ok) f.detected += 1;
    else misses.push(kind);
    if (i % 50 === 49) assert.equal((await verifyOrganizationChain(app.database, org.orgId)).ok, true, 'each trial is rolled back');
  }

  // Ciphertexts: every encrypted cell of the trail, its location, and what it holds.
  const keyring = app.app.platform.keyring;
  interface Cell {
    location: FieldLocation;
    orgId: string;
    envelope: string;
  }
  const cells: Cell[] = [];
  const patients = await tenant.selectFrom('patients').selectAll().execute();
  for (const p of patients) {
    for (const [column, value] of Object.entries(p)) {
      if (column.endsWith('_enc') && typeof value === 'string') cells.push({ orgId: org.orgId, envelope: value, location: { clientId: p.client_id, table: 'patients', column, rowId: p.id } });
    }
  }
  for (const m of await tenant.selectFrom('task_messages').selectAll().execute()) {
    cells.push({ orgId: org.orgId, envelope: m.body_enc, location: { clientId: m.client_id, table: 'task_messages', column: 'body_enc', rowId: m.id } });
  }
  for (const u of await tenant.selectFrom('users').select(['id', 'mfa_secret_enc']).execute()) {
    if (u.mfa_secret_enc) cells.push({ orgId: org.orgId, envelope: u.mfa_secret_enc, location: { clientId: null, table: 'users', column: 'mfa_secret_enc', rowId: u.id } });
  }
  const foreign = await app.tenant(other.orgId).selectFrom('users').select(['id', 'mfa_secret_enc']).executeTakeFirstOrThrow();
  const plaintexts = new Map<Cell, string>();
  for (const cell of cells) plaintexts.set(cell, await keyring.decryptField(app.tenant(cell.orgId), cell.location, cell.envelope));
  assert.ok(cells.length >= 40, `encrypted cells to work on (${cells.length})`);

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const parts = (envelope: string) => envelope.split('.');
  const cipherKinds: Record<string, (cell: Cell) => string> = {
    'ciphertext-bit-flip': (cell) => {
      const p = parts(cell.envelope);
      const segment = 2 + randomInt(3);
      const bytes = Buffer.from(p[segment]!, 'base64url');
      if (bytes.length === 0) return `${cell.envelope}A`;
      bytes[randomInt(bytes.length)]! ^= 1 << randomInt(8);
      p[segment] = bytes.toString('base64url');
      return p.join('.');
    },
    'ciphertext-char-edit': (cell) => {
      const i = randomInt(cell.envelope.length);
      let c = pick([...B64, '.', '=', '!', ' ']);
      while (c === cell.envelope[i]) c = pick([...B64, '.']);
      return cell.envelope.slice(0, i) + c + cell.envelope.slice(i + 1);
    },
    'ciphertext-truncation': (cell) => cell.envelope.slice(0, randomInt(cell.envelope.length)),
    'ciphertext-tag-truncation': (cell) => {
      const p = parts(cell.envelope);
      p[4] = Buffer.from(p[4]!, 'base64url').subarray(0, pick([4, 8, 12, 13, 14, 15])).toString('base64url');
      return p.join('.');
    },
    'ciphertext-extension': (cell) => pick([`${cell.envelope}${pick([...B64])}`, `${cell.envelope}.${randomBytes(4).toString('base64url')}`, `${cell.envelope}==`]),
    'ciphertext-version-edit': (cell) => cell.envelope.replace(/^rf1\.(\d+)\./, (_, v: string) => `rf1.${pick([`0${v}`, String(Number(v) + 1), '0', `${v} `])}.`),
    'ciphertext-segment-swap': (cell) => {
      const p = parts(cell.envelope);
      const [a, b] = pick([
        [2, 3],
        [3, 4],
        [2, 4],
      ] as const);
      [p[a], p[b]] = [p[b]!, p[a]!];
      return p.join('.');
    },
    'ciphertext-row-swap': (cell) => {
      const candidates = cells.filter((c) => c.location.table === cell.location.table && c.location.column === cell.location.column && c.location.rowId !== cell.location.rowId && c.location.clientId === cell.location.clientId);
      return pick(candidates.length > 0 ? candidates : cells.filter((c) => c !== cell)).envelope;
    },
    'ciphertext-column-swap': (cell) => {
      const candidates = cells.filter((c) => c.location.rowId === cell.location.rowId && c.location.column !== cell.location.column);
      return pick(candidates.length > 0 ? candidates : cells.filter((c) => c !== cell)).envelope;
    },
    'ciphertext-client-swap': (cell) => {
      const candidates = cells.filter((c) => c.location.clientId !== cell.location.clientId && c.location.column === cell.location.column);
      return pick(candidates.length > 0 ? candidates : cells.filter((c) => c.location.clientId !== cell.location.clientId)).envelope;
    },
    'ciphertext-org-swap': () => foreign.mfa_secret_enc!,
  };
  const cipherNames = Object.keys(cipherKinds);
  const cipherTrials = TRIALS - chainTrials;
  let wrongPlaintext = 0;
  let viaReveal = 0;
  const reveal = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  for (let i = 0; i < cipherTrials; i += 1) {
    const kind = cipherNames[i % cipherNames.length]!;
    const cell = pick(cells);
    let tampered = cipherKinds[kind]!(cell);
    if (tampered === cell.envelope) tampered = `${tampered}.`;
    let refused: boolean;
    const field = FIELD_OF_COLUMN.get(cell.location.column);
    if (cell.location.table === 'patients' && field && cell.location.clientId === org.clients.A && i % 2 === 0) {
      // Through the API a person uses: the reveal is refused, and the answer carries no value.
      viaReveal += 1;
      const column = cell.location.column as 'name_enc';
      await tenant.updateTable('patients').set({ [column]: tampered }).where('id', '=', cell.location.rowId).execute();
      const res = await reveal.post(`/api/patients/${cell.location.rowId}/reveal`, { fields: [field], purpose: 'callback' });
      await tenant.updateTable('patients').set({ [column]: cell.envelope }).where('id', '=', cell.location.rowId).execute();
      refused = res.status === 410 && res.body.type === 'urn:ringfence:problem:gone' && !('fields' in res.body);
      assert.ok(res.status !== 200 || refused, `reveal of a tampered ${field}: ${res.status} ${res.text}`);
    } else {
      try {
        const plain = await keyring.decryptField(app.tenant(cell.orgId), cell.location, tampered);
        refused = false;
        if (plain !== plaintexts.get(cell)) wrongPlaintext += 1;
      } catch {
        refused = true;
      }
    }
    const f = (figures[kind] ??= { trials: 0, detected: 0 });
    f.trials += 1;
    if (refused) f.detected += 1;
    else misses.push(`${kind}: ${tampered}`);
  }

  const final = await verifyOrganizationChain(app.database, org.orgId);
  assert.equal(final.ok, true, 'the trail is intact after the trials');
  for (const [kind, f] of Object.entries(figures)) report('tamper', { kind, trials: f.trials, detected: f.detected, undetected: f.trials - f.detected });
  const total = Object.values(figures).reduce((n, f) => n + f.trials, 0);
  report('tamper', { events: events.length, links: links.length, cells: cells.length, trials: total, detected: total - misses.length, undetected: misses.length, wrongPlaintext, viaReveal, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  assert.deepEqual(misses, [], 'every tampering is caught');
});

test('tamper beyond the chain: a cut tail, a deleted trail, a chain recomputed after an edit, or a backdated extension, each caught by the signed checkpoint', async (t) => {
  const app = await buildTestApp(t);
  const org = await buildTrail(app);
  await sealUntilSettled(app, org.orgId);
  // The checkpoint the server's checkpointer writes every minute, written now.
  const signer = loadAuditSigner(app.config);
  const written = await writeCheckpoints(app.database, app.config, signer, new Map());
  assert.equal(written.filter((c) => c.orgId === org.orgId).length, 1);
  const tenant = app.tenant(org.orgId);
  const events = await tenant.selectFrom('audit_events').selectAll().orderBy('id').execute();
  const links = await tenant.selectFrom('audit_chain').selectAll().orderBy('position').execute();
  const byId = new Map(events.map((e) => [Number(e.id), e]));
  const last = links[links.length - 1]!;
  const setHead = (trx: Trx, position: number, hash: string) => trx.updateTable('audit_chain_heads').where('org_id', '=', org.orgId).set({ position, hash }).execute();
  const rewriteFrom = async (trx: Trx, from: number) => {
    let prev = from === 0 ? '0'.repeat(64) : links[from - 1]!.hash;
    for (const l of links.slice(from)) {
      const event = { ...byId.get(Number(l.event_id))! };
      if (l === links[from]) {
        event.details = JSON.stringify({ rewritten: true });
        await trx.updateTable('audit_events').where('id', '=', Number(event.id)).set({ details: event.details }).execute();
      }
      const hash = linkHash(prev, Number(l.position), event);
      await trx.updateTable('audit_chain').where('org_id', '=', org.orgId).where('position', '=', Number(l.position)).set({ prev_hash: prev, hash }).execute();
      prev = hash;
    }
    await setHead(trx, Number(last.position), prev);
  };
  const cases: Record<string, Tamper> = {
    // An event slipped in after the last real one, claiming the time of the last seal.
    'tail-extension': async (trx) => {
      const fake = { ...events[events.length - 1]!, id: 1_000_000, request_id: randomUUID() };
      await trx.insertInto('audit_events').values(fake as never).execute();
      const position = Number(last.position) + 1;
      const hash = linkHash(last.hash, position, fake);
      await trx.insertInto('audit_chain').values({ org_id: org.orgId, event_id: 1_000_000, position, prev_hash: last.hash, hash, sealed_at: last.sealed_at }).execute();
      await setHead(trx, position, hash);
    },
    'tail-truncation': async (trx) => {
      await trx.deleteFrom('audit_chain').where('org_id', '=', org.orgId).where('position', '=', Number(last.position)).execute();
      await trx.deleteFrom('audit_events').where('org_id', '=', org.orgId).where('id', '=', Number(last.event_id)).execute();
      await setHead(trx, Number(last.position) - 1, last.prev_hash);
    },
    'trail-deletion': async (trx) => {
      await trx.deleteFrom('audit_chain').where('org_id', '=', org.orgId).execute();
      await trx.deleteFrom('audit_events').where('org_id', '=', org.orgId).execute();
      await trx.deleteFrom('audit_chain_heads').where('org_id', '=', org.orgId).execute();
    },
    'suffix-rewrite': (trx) => rewriteFrom(trx, Math.floor(links.length / 2)),
    'whole-chain-rewrite': (trx) => rewriteFrom(trx, 0),
  };
  const undetected: string[] = [];
  for (const [kind, tamper] of Object.entries(cases)) {
    const { chainOnly, trail } = await inRolledBack(app, async (trx, database) => {
      await tamper(trx);
      return { chainOnly: await verifyOrganizationChain(database, org.orgId), trail: await verifyOrganizationTrail(database, app.config, signer, org.orgId) };
    });
    // The chain alone cannot tell: whoever writes the database recomputed it. The checkpoint can.
    assert.equal(chainOnly.ok, true, `${kind}: the chain walk alone passes (${chainOnly.firstProblem?.reason})`);
    report('tamper-checkpoint', { kind, trials: 1, detected: trail.ok ? 0 : 1, undetected: trail.ok ? 1 : 0 });
    if (trail.ok) undetected.push(kind);
    else assert.match(trail.firstProblem!.reason, /checkpoint/, `${kind}: ${trail.firstProblem!.reason}`);
  }
  assert.deepEqual(undetected, []);
  const intact = await verifyOrganizationTrail(app.database, app.config, signer, org.orgId);
  assert.equal(intact.ok, true, intact.firstProblem?.reason);
  assert.equal(intact.checkpoint?.position, Number(last.position));
});
