import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { Fhir } from 'fhir';
import { sql } from 'kysely';
import {
  ENGINE,
  assignTestRole,
  auditEvents,
  buildTestApp,
  createTestOrg,
  insertTestPatient,
  insertTestUser,
  sealUntilSettled,
  signedInClient,
  type TestApp,
  type TestOrg,
} from '../../../test/helpers.ts';
import { unsafeSystemContext } from '../system-context.ts';
import { exportAuditTrail, type ExportedAuditEvent } from './export.ts';

const fhir = new Fhir();
const CLI = new URL('../../cli/index.ts', import.meta.url).pathname;
const REPO = new URL('../../../', import.meta.url).pathname;

/** The columns of the CSV, as documented. */
const CSV_HEADER = ['id', 'occurredAt', 'action', 'outcome', 'actorType', 'actorId', 'resourceType', 'resourceId', 'clientId', 'patientRef', 'fields', 'purpose', 'ip', 'requestId', 'details', 'chainPosition', 'chainHash'];

type Seed = Omit<ExportedAuditEvent, 'id' | 'chainPosition' | 'chainHash'>;
type Expected = Omit<ExportedAuditEvent, 'chainPosition' | 'chainHash'>;

const DAY = 86_400_000;
const BASE = Date.parse('2025-03-01T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** The period most tests export: days 2 to 7 of the synthetic trail. */
const FROM = iso(BASE + 2 * DAY);
const TO = iso(BASE + 7 * DAY);

/** Kinds of synthetic event: action, resource type, outcome and detail, none of it PHI. */
const KINDS: { action: string; resourceType: string | null; outcome: 'success' | 'failure'; details: Record<string, unknown>; fields?: string[]; patient?: boolean }[] = [
  { action: 'auth.login.failed', resourceType: 'User', outcome: 'failure', details: { reason: 'bad_password' } },
  { action: 'auth.login.succeeded', resourceType: 'User', outcome: 'success', details: { stage: 'password' } },
  { action: 'auth.logout', resourceType: null, outcome: 'success', details: {} },
  { action: 'phi.read', resourceType: 'Patient', outcome: 'success', details: { source: 'vault' }, fields: ['name', 'phones'], patient: true },
  { action: 'patient.created', resourceType: 'Patient', outcome: 'success', details: { possibleDuplicates: 0 }, fields: ['name', 'dateOfBirth', 'mrn'], patient: true },
  { action: 'task.claimed', resourceType: 'Task', outcome: 'success', details: { queueId: 'q-1', attempt: 2 }, patient: true },
  { action: 'role.assigned', resourceType: 'User', outcome: 'success', details: { role: 'agent', clientId: null } },
  { action: 'keys.rotated', resourceType: 'DataKey', outcome: 'success', details: { version: 3 } },
  { action: 'phi_guard.refused', resourceType: null, outcome: 'failure', details: { route: 'POST /api/tasks', spans: [{ field: 'title', type: 'PHONE', start: 4, end: 16 }] } },
  { action: 'report.exported', resourceType: 'Report', outcome: 'success', details: { format: 'csv' } },
  { action: 'token.revoked', resourceType: 'ApiToken', outcome: 'success', details: {} },
  { action: 'client.updated', resourceType: 'Client', outcome: 'success', details: { changed: ['name', 'timeZone'], note: 'a, "quoted"\nsecond line' } },
  { action: 'oncall.contact_removed', resourceType: 'ContactPoint', outcome: 'success', details: { kind: 'sms' } },
];
/** Stated purposes, with the characters CSV must quote and the ones a spreadsheet would run as a formula. */
const PURPOSES = [null, 'callback', 'Treatment, payment, or "operations"', '=HYPERLINK("http://example.test")', '-1+2', '@SUM(A1)', 'line one\r\nline two'];
const IPS = [null, '203.0.113.7', '2001:db8::17'];

/** `n` synthetic events every 47 minutes from BASE, over the given clients in turn, plus events exactly at FROM, just before TO and at TO. */
function syntheticEvents(n: number, clients: (string | null)[]): Seed[] {
  const seeds: Seed[] = [];
  const at = (i: number) => (i === n ? Date.parse(FROM) : i === n + 1 ? Date.parse(TO) - 1 : i === n + 2 ? Date.parse(TO) : BASE + i * 47 * 60_000);
  for (let i = 0; i < n + 3; i += 1) {
    const kind = KINDS[i % KINDS.length]!;
    const actorType = (['user', 'token', 'system'] as const)[i % 3]!;
    seeds.push({
      occurredAt: iso(at(i)),
      action: kind.action,
      outcome: kind.outcome,
      actorType,
      actorId: actorType === 'system' ? null : randomUUID(),
      resourceType: kind.resourceType,
      resourceId: kind.resourceType ? randomUUID() : null,
      clientId: clients[Math.floor(i / 2) % clients.length]!,
      patientRef: kind.patient ? `P-${String(i).padStart(6, '0')}` : null,
      fields: kind.fields ?? null,
      purpose: PURPOSES[i % PURPOSES.length]!,
      ip: IPS[i % IPS.length]!,
      requestId: i % 4 === 0 ? null : `req-${i}`,
      details: kind.details,
    });
  }
  return seeds;
}

/** Stores seeds as audit events of the organization (one statement each, so each id is known); returns them with their ids. */
async function storeEvents(app: TestApp, orgId: string, seeds: Seed[]): Promise<Expected[]> {
  const tenant = app.tenant(orgId);
  const stored: Expected[] = [];
  for (const s of seeds) {
    const row = await tenant
      .insertInto('audit_events', {
        occurred_at: s.occurredAt,
        action: s.action,
        outcome: s.outcome,
        actor_type: s.actorType,
        actor_id: s.actorId,
        resource_type: s.resourceType,
        resource_id: s.resourceId,
        client_id: s.clientId,
        patient_ref: s.patientRef,
        fields: s.fields ? JSON.stringify(s.fields) : null,
        purpose: s.purpose,
        ip: s.ip,
        request_id: s.requestId,
        details: JSON.stringify(s.details),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    stored.push({ id: Number(row.id), ...s });
  }
  return stored;
}

interface Trail {
  app: TestApp;
  org: TestOrg;
  other: TestOrg;
  events: Expected[];
  sealed: Set<number>;
}

/**
 * An organization with clients A and B and a synthetic trail of a few hundred events over ten
 * days of 2025 (about half sealed into the chain, the rest not yet), and another organization
 * with events in the same days.
 */
async function trail(t: Parameters<typeof buildTestApp>[0], overrides: Record<string, string> = {}): Promise<Trail> {
  const app = await buildTestApp(t, overrides);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { compliance: ['compliance', null], agent: ['agent', 'A'] } });
  const other = await createTestOrg(app, { clients: ['C'], users: { compliance: ['compliance', null] } });
  const clients = [org.clients.A!, org.clients.B!, null];
  const seeds = syntheticEvents(300, clients);
  const first = await storeEvents(app, org.orgId, seeds.slice(0, 150));
  await storeEvents(app, other.orgId, syntheticEvents(60, [other.clients.C!, null]));
  await sealUntilSettled(app, org.orgId);
  const second = await storeEvents(app, org.orgId, seeds.slice(150));
  return { app, org, other, events: [...first, ...second], sealed: new Set(first.map((e) => e.id)) };
}

function matching(events: Expected[], filter: { from: string; to: string; clientId?: string }): Expected[] {
  return events.filter((e) => e.occurredAt >= filter.from && e.occurredAt < filter.to && (!filter.clientId || e.clientId === filter.clientId));
}

const exportUrl = (q: Record<string, string | undefined>) => `/api/audit/export?${new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined))}`;

/** Each link of the chain by event id, read from the chain table. */
async function chainLinks(app: TestApp, orgId: string): Promise<Map<number, { position: number; hash: string }>> {
  const rows = await app.tenant(orgId).selectFrom('audit_chain').select(['event_id', 'position', 'hash']).execute();
  return new Map(rows.map((r) => [Number(r.event_id), { position: Number(r.position), hash: r.hash }]));
}

/** A CSV cell as the export writes it: empty for nothing, JSON text for a list or object, an apostrophe before a formula. */
function csvCell(value: unknown): string {
  const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Validates with the independent `fhir` package and returns the problems (errors and fatals). */
function fhirErrors(resource: object): { location?: string; message?: string }[] {
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  const errors = result.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal');
  // The only warnings expected: codes of Ringfence's own systems (actions, actor and resource
  // types) and of IHE's BALP, which the package does not hold, are not in FHIR's extensible
  // value sets. A mistyped FHIR or DICOM code would be a warning of another kind.
  const ownCode = /^Code "[^"]+" \((urn:ringfence:[a-z-]+|https:\/\/profiles\.ihe\.net\/ITI\/BALP\/CodeSystem\/BasicAuditEntityType)\) not found in value set$/;
  const warnings = result.messages.filter((m) => m.severity !== 'error' && m.severity !== 'fatal' && !(m.severity === 'warning' && ownCode.test(m.message ?? '')));
  assert.equal(result.valid, errors.length === 0);
  return [...errors, ...warnings];
}

interface FhirEntry {
  fullUrl: string;
  resource: {
    resourceType: string;
    id: string;
    extension: { url: string; valueString?: string; extension?: { url: string; valueString: string }[] }[];
    type: { system: string; code: string };
    subtype: { system: string; code: string }[];
    action: string;
    recorded: string;
    outcome: string;
    agent: { who: { identifier?: { value: string }; display?: string }; requestor: boolean; network?: { address: string }; purposeOfUse?: { text: string }[] }[];
    source: { observer: { identifier: { value: string } } };
    entity?: { what?: { identifier?: { system?: string; value: string; type?: { text: string } } }; type?: { code: string }; detail?: { type: string; valueString: string }[] }[];
  };
}

/** What the FHIR AuditEvent says of an event, in the export's own terms, to compare with the stored event. */
function fromFhir(entry: FhirEntry): Record<string, unknown> {
  const r = entry.resource;
  const entities = r.entity ?? [];
  const bySystem = (system: string) => entities.find((e) => e.what?.identifier?.system === system)?.what?.identifier?.value ?? null;
  const resource = entities.find((e) => e.type?.code === '2');
  const details = entities.flatMap((e) => e.detail ?? []);
  return {
    id: Number(r.extension.find((x) => x.url === 'urn:ringfence:audit-event-id')!.valueString),
    occurredAt: r.recorded,
    action: r.subtype.find((s) => s.system === 'urn:ringfence:audit-action')!.code,
    outcome: r.outcome === '0' ? 'success' : 'failure',
    actorId: r.agent[0]!.who.identifier?.value ?? null,
    resourceType: resource?.what?.identifier?.type?.text ?? null,
    resourceId: resource?.what?.identifier?.value ?? null,
    clientId: bySystem('urn:ringfence:client'),
    patientRef: bySystem('urn:ringfence:patient-ref'),
    fields: details.some((d) => d.type === 'field') ? details.filter((d) => d.type === 'field').map((d) => d.valueString) : null,
    purpose: r.agent[0]!.purposeOfUse?.[0]?.text ?? null,
    ip: r.agent[0]!.network?.address ?? null,
    requestId: entities.find((e) => e.type?.code === 'XrequestId')?.what?.identifier?.value ?? null,
    details: JSON.parse(details.find((d) => d.type === 'details')?.valueString ?? '{}') as unknown,
  };
}

test('each format exports exactly the events of the period (and client), oldest first, with their links in the chain', async (t) => {
  const { app, org, events, sealed } = await trail(t);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const links = await chainLinks(app, org.orgId);
  const organization = await app.tenant(org.orgId).organization();
  const filters: { from: string; to: string; clientId?: string }[] = [{ from: FROM, to: TO }, { from: FROM, to: TO, clientId: org.clients.A! }, { from: iso(BASE - DAY), to: iso(BASE + 30 * DAY) }];
  for (const filter of filters) {
    const expected = matching(events, filter);
    const label = JSON.stringify(filter);
    assert.ok(expected.length > 50, `${label}: the period holds events`);
    assert.ok(expected.length < events.length || !filter.clientId, `${label}: the filter leaves events out`);

    // JSON Lines: one object per event.
    const jsonl = await officer.get(exportUrl({ format: 'jsonl', ...filter }));
    assert.equal(jsonl.status, 200, jsonl.text);
    assert.equal(jsonl.headers.get('x-ringfence-event-count'), String(expected.length), `${label}: the count is the number of events`);
    assert.ok(jsonl.text.endsWith('\n'));
    const lines = jsonl.text.trimEnd().split('\n').map((l) => JSON.parse(l) as ExportedAuditEvent);
    assert.deepEqual(
      lines.map(({ chainPosition: _p, chainHash: _h, ...rest }) => rest),
      expected,
      `${label}: JSON Lines`,
    );
    for (const line of lines) {
      assert.deepEqual(Object.keys(line), CSV_HEADER, 'every line has every column, in order');
      const link = links.get(line.id);
      if (sealed.has(line.id)) assert.deepEqual([line.chainPosition, line.chainHash], [link!.position, link!.hash], `event ${line.id} is sealed`);
      else assert.deepEqual([line.chainPosition, line.chainHash], [null, null], `event ${line.id} is not sealed yet`);
    }

    // CSV: a header row, then one row per event, read back by an independent parser.
    const csv = await officer.get(exportUrl({ format: 'csv', ...filter }));
    assert.equal(csv.status, 200, csv.text);
    assert.ok(csv.text.endsWith('\r\n'), 'rows end CRLF');
    const rows = parseCsv(csv.text, { relax_column_count: false }) as string[][];
    assert.deepEqual(rows[0], CSV_HEADER);
    assert.deepEqual(
      rows.slice(1),
      lines.map((line) => CSV_HEADER.map((column) => csvCell(line[column as keyof ExportedAuditEvent]))),
      `${label}: CSV`,
    );
    assert.ok(rows.slice(1).some((r) => r[11] === `'=HYPERLINK("http://example.test")`), 'a formula is disarmed');
    assert.ok(rows.slice(1).some((r) => r[11] === 'line one\r\nline two'), 'a line break stays inside its cell');

    // FHIR: a Bundle of AuditEvents that an independent validator accepts, entry by entry too.
    const bundleRes = await officer.get(exportUrl({ format: 'fhir', ...filter }));
    assert.equal(bundleRes.status, 200, bundleRes.text);
    const bundle = bundleRes.body as { resourceType: string; type: string; timestamp: string; entry: FhirEntry[] };
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    assert.deepEqual(fhirErrors(bundle), [], `${label}: the Bundle validates`);
    assert.equal(bundle.entry.length, expected.length);
    for (const entry of bundle.entry) {
      assert.deepEqual(fhirErrors(entry.resource), [], `${entry.fullUrl} validates`);
      assert.match(entry.fullUrl, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(entry.fullUrl, `urn:uuid:${entry.resource.id}`);
      assert.equal(entry.resource.source.observer.identifier.value, org.orgId);
      assert.equal(entry.resource.agent[0]!.requestor, true);
    }
    assert.equal(new Set(bundle.entry.map((e) => e.fullUrl)).size, bundle.entry.length, 'one name per entry');
    assert.deepEqual(
      bundle.entry.map(fromFhir),
      expected.map(({ actorType: _a, ...e }) => ({ ...e, resourceType: e.resourceId ? e.resourceType : null, resourceId: e.resourceId })),
      `${label}: FHIR carries every event's facts`,
    );
    assert.ok(bundleRes.text.includes(JSON.stringify(organization.name)));
  }

  // The codes an auditor's tools read, for a few kinds of event.
  const bundle = (await officer.get(exportUrl({ format: 'fhir', from: FROM, to: TO }))).body as { entry: FhirEntry[] };
  const first = (action: string) => bundle.entry.find((e) => e.resource.subtype[0]!.code === action)!.resource;
  assert.deepEqual([first('auth.login.failed').type.code, first('auth.login.failed').action, first('auth.login.failed').outcome], ['110114', 'E', '4']);
  assert.ok(first('auth.login.failed').subtype.some((s) => s.code === '110122'), 'a sign-in is a DICOM Login');
  assert.deepEqual([first('phi.read').type.code, first('phi.read').action, first('phi.read').outcome], ['110110', 'R', '0']);
  assert.deepEqual([first('patient.created').type.code, first('patient.created').action], ['110110', 'C']);
  assert.deepEqual([first('token.revoked').type.code, first('token.revoked').action], ['110113', 'D']);
  assert.deepEqual([first('client.updated').type.code, first('client.updated').action], ['rest', 'U']);
  assert.deepEqual([first('report.exported').type.code, first('report.exported').action], ['110106', 'R']);
});

test('the other organization’s trail, and the export’s own record, stay out of an export', async (t) => {
  const { app, org, other, events } = await trail(t);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const everything = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
  const res = await officer.get(exportUrl({ format: 'jsonl', ...everything }));
  assert.equal(res.status, 200);
  const lines = res.text.trimEnd().split('\n').map((l) => JSON.parse(l) as ExportedAuditEvent);
  const stored = await app.tenant(org.orgId).selectFrom('audit_events').select('id').orderBy('id').execute();
  const exportedEvent = await app.tenant(org.orgId).selectFrom('audit_events').select('id').where('action', '=', 'audit.exported').executeTakeFirstOrThrow();
  assert.deepEqual(
    lines.map((l) => l.id),
    stored.map((s) => Number(s.id)).filter((id) => id !== Number(exportedEvent.id)),
    'every event of the organization but the export itself',
  );
  assert.ok(events.every((e) => lines.some((l) => l.id === e.id)));
  for (const id of [other.orgId, other.clients.C!, other.users.compliance!.id]) assert.ok(!res.text.includes(id), `nothing of the other organization (${id})`);
  // The other organization's officer sees only theirs.
  const theirs = await (await signedInClient(app, other.orgId, other.users.compliance!.id)).get(exportUrl({ format: 'csv', from: FROM, to: TO }));
  assert.equal(theirs.status, 200);
  assert.ok(!theirs.text.includes(org.clients.A!) && !theirs.text.includes(org.orgId));
  assert.ok(theirs.text.includes(other.clients.C!));
});

test('the route streams each format with its type and file name; refuses other roles and bad input, naming the field', async (t) => {
  const { app, org } = await trail(t);
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const types = { jsonl: /^application\/x-ndjson/, csv: /^text\/csv/, fhir: /^application\/fhir\+json/ };
  for (const [format, type] of Object.entries(types)) {
    const res = await officer.get(exportUrl({ format, from: FROM, to: TO, clientId: org.clients.B! }));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', type);
    assert.equal(res.headers.get('content-length'), null, 'streamed, not buffered');
    assert.match(res.headers.get('transfer-encoding') ?? '', /chunked/);
    assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename="ringfence-audit-20250303T000000Z-20250308T000000Z-client-${org.clients.B!}\\.${format === 'fhir' ? 'fhir\\.json' : format}"$`));
    assert.equal(res.headers.get('cache-control'), 'no-store');
  }

  // The export itself is audited, with who asked for what.
  const exports = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'audit.exported');
  assert.equal(exports.length, 3);
  assert.deepEqual(
    exports.map((e) => JSON.parse(e.details!)),
    ['jsonl', 'csv', 'fhir'].map((format) => ({ format, from: FROM, to: TO, clientId: org.clients.B! })),
  );
  assert.ok(exports.every((e) => e.actor_type === 'user' && e.actor_id === org.users.compliance!.id && e.client_id === org.clients.B! && e.outcome === 'success'));

  // Bad input: a problem naming the field, and nothing exported or audited.
  const bad: [Record<string, string>, string][] = [
    [{ format: 'xml', from: FROM, to: TO }, 'format'],
    [{ from: FROM, to: TO }, 'format'],
    [{ format: 'csv', to: TO }, 'from'],
    [{ format: 'csv', from: 'last tuesday', to: TO }, 'from'],
    [{ format: 'csv', from: FROM, to: '2025-03-08' }, 'to'],
    [{ format: 'csv', from: TO, to: FROM }, 'to'],
    [{ format: 'csv', from: FROM, to: FROM }, 'to'],
    [{ format: 'csv', from: FROM, to: TO, limit: '5' }, 'limit'],
  ];
  for (const [query, field] of bad) {
    const res = await officer.get(exportUrl(query));
    assert.equal(res.status, 400, JSON.stringify(query));
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(res.body.field, field, `${JSON.stringify(query)}: ${res.body.detail}`);
  }
  assert.equal((await auditEvents(app, org.orgId)).filter((e) => e.action === 'audit.exported').length, 3, 'a refused export is not an export');

  // An agent may not read the trail; nor may anyone signed out.
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const refused = await agent.get(exportUrl({ format: 'csv', from: FROM, to: TO }));
  assert.equal(refused.status, 403);
  assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal((await app.client().get(exportUrl({ format: 'csv', from: FROM, to: TO }))).status, 401);
});

test('reading the trail is not exporting it; a grant for some clients exports only their events', async (t) => {
  const { app, org, events } = await trail(t);
  const tenant = app.tenant(org.orgId);
  const now = new Date().toISOString();
  /** A role of the organization with these grants on audit events. */
  const role = async (key: string, grants: { action: string; scope: 'organization' | 'assigned_clients' }[]) => {
    const id = randomUUID();
    await tenant.insertInto('roles', { id, key, name: key, description: 'Synthetic test role', created_at: now }).execute();
    await tenant.insertInto('role_permissions', grants.map((g) => ({ id: randomUUID(), role_id: id, action: g.action, subject: 'AuditEvent', categories: '["operational"]', scope: g.scope }))).execute();
  };
  await role('audit_reader', [{ action: 'read', scope: 'organization' }]);
  await role('client_auditor', [
    { action: 'read', scope: 'assigned_clients' },
    { action: 'export', scope: 'assigned_clients' },
  ]);
  const reader = await insertTestUser(app, org.orgId, `reader-${randomBytes(3).toString('hex')}@example.test`);
  await assignTestRole(app, org.orgId, reader.id, 'audit_reader', null);
  const auditor = await insertTestUser(app, org.orgId, `auditor-${randomBytes(3).toString('hex')}@example.test`);
  await assignTestRole(app, org.orgId, auditor.id, 'client_auditor', org.clients.A!);

  const readerClient = await signedInClient(app, org.orgId, reader.id);
  assert.equal((await readerClient.get('/api/audit/status')).status, 200, 'the reader reads the trail');
  const notExport = await readerClient.get(exportUrl({ format: 'jsonl', from: FROM, to: TO }));
  assert.equal(notExport.status, 403);
  assert.match(notExport.body.detail, /export/);

  const auditorClient = await signedInClient(app, org.orgId, auditor.id);
  const own = await auditorClient.get(exportUrl({ format: 'jsonl', from: FROM, to: TO }));
  assert.equal(own.status, 200, own.text);
  assert.deepEqual(
    own.text.trimEnd().split('\n').map((l) => (JSON.parse(l) as ExportedAuditEvent).id),
    matching(events, { from: FROM, to: TO, clientId: org.clients.A! }).map((e) => e.id),
    'only client A’s events: neither client B’s nor the organization’s own',
  );
  assert.equal((await auditorClient.get(exportUrl({ format: 'jsonl', from: FROM, to: TO, clientId: org.clients.B! }))).status, 403);
  assert.equal((await auditorClient.get(exportUrl({ format: 'jsonl', from: FROM, to: TO, clientId: org.clients.A! }))).status, 200);
});

test('a patient’s PHI never reaches an export: field names and the reference only', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A'], users: { compliance: ['compliance', null] } });
  const phi = { given: 'Marisol', family: 'Quintanilla-Oyelaran', mrn: 'MRN-TEST-778120', dateOfBirth: '1961-04-12' };
  const patient = await insertTestPatient(app, org.orgId, org.clients.A!, { name: { given: phi.given, family: phi.family }, mrn: phi.mrn, dateOfBirth: phi.dateOfBirth });
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const reveal = await officer.post(`/api/patients/${patient.id}/reveal`, { fields: ['name', 'mrn', 'dateOfBirth'], purpose: 'compliance_review' });
  assert.equal(reveal.status, 200, reveal.text);
  assert.equal(reveal.body.fields.mrn, phi.mrn, 'the reveal itself shows the value');
  const period = { from: iso(Date.now() - 3_600_000), to: iso(Date.now() + 3_600_000) };
  for (const format of ['jsonl', 'csv', 'fhir']) {
    const res = await officer.get(exportUrl({ format, ...period }));
    assert.equal(res.status, 200);
    for (const value of [phi.given, phi.family, phi.mrn, phi.dateOfBirth, '04/12/1961']) assert.ok(!res.text.includes(value), `${format}: no ${value}`);
    assert.ok(res.text.includes(patient.ref), `${format}: the patient appears by reference`);
    assert.match(res.text, /phi\.read/);
  }
  const line = (await officer.get(exportUrl({ format: 'jsonl', ...period }))).text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as ExportedAuditEvent)
    .find((e) => e.action === 'phi.read')!;
  assert.deepEqual([line.patientRef, line.fields, line.purpose, line.actorId], [patient.ref, ['name', 'mrn', 'dateOfBirth'], 'compliance_review', org.users.compliance!.id]);
});

test('an export of 20,000 events is read a page at a time, by id, as it is consumed', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app);
  const tenant = app.tenant(org.orgId);
  const db = app.database.unsafeKysely;
  // Ids with gaps, so that events can be written later inside the exported range.
  const base = Number((await db.selectFrom('audit_events').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0) + 1000;
  const N = 20_000;
  const row = (id: number, i: number) => ({
    id,
    occurred_at: iso(BASE + i * 1000),
    action: 'task.claimed',
    outcome: 'success' as const,
    actor_type: 'system' as const,
    actor_id: null,
    resource_type: 'Task',
    resource_id: randomUUID(),
    client_id: null,
    patient_ref: `P-${String(i).padStart(6, '0')}`,
    fields: null,
    purpose: null,
    ip: null,
    request_id: `req-${i}`,
    details: JSON.stringify({ queueId: 'q-1', attempt: i % 5 }),
  });
  const rows = Array.from({ length: N }, (_, i) => row(base + 2 * i, i));
  for (let i = 0; i < rows.length; i += 500) await tenant.insertInto('audit_events', rows.slice(i, i + 500)).execute();
  // PostgreSQL: the id sequence continues after the ids written here.
  if (ENGINE === 'postgres') await sql`select setval(pg_get_serial_sequence('audit_events', 'id'), (select max(id) from audit_events))`.execute(db);

  const ctx = unsafeSystemContext(app.database, app.app.platform.keyring, org.orgId, 'compliance');
  const exported = await exportAuditTrail(ctx, { format: 'jsonl', from: iso(BASE), to: iso(BASE + N * 1000) });
  assert.equal(exported.total, N);
  const progress: number[] = [];
  const chunks = exported.chunks((n) => progress.push(n));
  const first = await chunks.next();
  assert.equal(first.done, false);
  const firstIds = first.value!.trimEnd().split('\n').map((l) => (JSON.parse(l) as ExportedAuditEvent).id);
  assert.equal(firstIds.length, 2000, 'the first chunk is one page');
  assert.equal(firstIds.at(-1), base + 2 * 1999);

  // Written after the first page was read: one behind the export's position, one ahead of it.
  const behind = base + 2 * 10 + 1;
  const ahead = base + 2 * 15_000 + 1;
  await tenant.insertInto('audit_events', [row(behind, 10), row(ahead, 15_000)]).execute();

  const ids = [...firstIds];
  let pages = 1;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    pages += 1;
    ids.push(...next.value.trimEnd().split('\n').map((l) => (JSON.parse(l) as ExportedAuditEvent).id));
  }
  assert.ok(ids.includes(ahead), 'the pages ahead were read only when they were reached');
  assert.ok(!ids.includes(behind), 'a page already read is not read again');
  assert.ok(
    ids.every((id, i) => i === 0 || id > ids[i - 1]!),
    'in id order, none twice (a keyset, not an offset that shifts)',
  );
  assert.equal(ids.length, N + 1);
  assert.equal(pages, Math.ceil((N + 1) / 2000));
  assert.deepEqual(progress, [...Array.from({ length: 10 }, (_, i) => (i + 1) * 2000), N + 1]);
});

/** Runs `ringfence` (tsx src/cli/index.ts) against the test app's database; stdout as bytes. */
function ringfence(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, env: { ...process.env, ...env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr }));
  });
}

test('`ringfence audit export` writes what the route sends, audits itself, and refuses bad options with status 2', async (t) => {
  const masterKey = randomBytes(32).toString('base64');
  const { app, org } = await trail(t, { RINGFENCE_MASTER_KEY: masterKey });
  const env: Record<string, string> = { RINGFENCE_DATA_DIR: app.config.dataDir, RINGFENCE_MASTER_KEY: masterKey, RINGFENCE_LOG_LEVEL: 'silent' };
  if (app.config.databaseUrl) env.DATABASE_URL = app.config.databaseUrl;
  if (app.config.databaseSchema) env.RINGFENCE_DATABASE_SCHEMA = app.config.databaseSchema;
  const officer = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const withoutTimestamp = (text: string) => text.replace(/^(\{"resourceType":"Bundle","type":"collection","timestamp":)"[^"]+"/, '$1""');

  for (const [format, clientId] of [['jsonl', null], ['csv', org.clients.A!], ['fhir', org.clients.B!]] as const) {
    const route = await officer.get(exportUrl({ format, from: FROM, to: TO, ...(clientId ? { clientId } : {}) }));
    assert.equal(route.status, 200);
    const args = ['audit', 'export', '--format', format, '--from', FROM, '--to', TO, '--org', org.orgId, ...(clientId ? ['--client', clientId] : [])];
    const cli = await ringfence(args, env);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(cli.stderr, '', 'no progress bar when standard error is not a terminal');
    const text = cli.stdout.toString('utf8');
    assert.ok(text.length > 1000);
    assert.equal(format === 'fhir' ? withoutTimestamp(text) : text, format === 'fhir' ? withoutTimestamp(route.text) : route.text, `${format}: the command line and the route agree`);
  }

  // --out writes a file, readable by its owner only.
  const file = path.join(app.config.dataDir, 'trail.csv');
  const toFile = await ringfence(['audit', 'export', '--format', 'csv', '--from', FROM, '--to', TO, '--org', org.orgId, '--out', file], env);
  assert.equal(toFile.code, 0, toFile.stderr);
  assert.equal(toFile.stdout.length, 0);
  assert.equal(readFileSync(file, 'utf8'), (await officer.get(exportUrl({ format: 'csv', from: FROM, to: TO }))).text);

  const cliExports = (await auditEvents(app, org.orgId)).filter((e) => e.action === 'audit.exported' && e.actor_type === 'system');
  assert.deepEqual(
    cliExports.map((e) => [JSON.parse(e.details!), e.client_id]),
    [
      [{ format: 'jsonl', from: FROM, to: TO, clientId: null }, null],
      [{ format: 'csv', from: FROM, to: TO, clientId: org.clients.A! }, org.clients.A!],
      [{ format: 'fhir', from: FROM, to: TO, clientId: org.clients.B! }, org.clients.B!],
      [{ format: 'csv', from: FROM, to: TO, clientId: null }, null],
    ],
  );

  const usage: [string[], RegExp][] = [
    [['--format', 'xml', '--from', FROM, '--to', TO], /--format must be one of jsonl, csv, fhir/],
    [['--from', FROM, '--to', TO], /--format is required/],
    [['--format', 'csv', '--from', '2025-03-03', '--to', TO], /--from must be a date and time \(ISO 8601\)/],
    [['--format', 'csv', '--from', FROM], /--to is required/],
    [['--format', 'csv', '--from', TO, '--to', FROM], /--to must be later than --from/],
  ];
  const runs = await Promise.all(usage.map(([args]) => ringfence(['audit', 'export', ...args, '--org', org.orgId], env)));
  usage.forEach(([args, message], i) => {
    assert.equal(runs[i]!.code, 2, args.join(' '));
    assert.match(runs[i]!.stderr, message);
    assert.equal(runs[i]!.stdout.length, 0);
  });
  assert.equal((await auditEvents(app, org.orgId)).filter((e) => e.action === 'audit.exported' && e.actor_type === 'system').length, 4, 'a refused command exports nothing');
});
