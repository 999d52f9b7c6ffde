import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { TOKEN_SCOPES } from '../src/platform/authz/builtin-roles.ts';
import { createUrgentMessage } from '../src/modules/oncall/urgent.service.ts';
import { reportIncident } from '../src/modules/incidents/incidents.service.ts';
import { generateNotice } from '../src/modules/incidents/notices.service.ts';
import { unsafeSystemContext } from '../src/platform/system-context.ts';
import { ingestRecording } from '../src/modules/recordings/recordings.service.ts';
import { recordingStore } from '../src/modules/recordings/storage.ts';
import { Readable } from 'node:stream';
import { TEST_PASSWORD, buildTestApp, createTestOrg, insertTestAlert, insertTestBaa, insertTestPatient, insertTestQueue, insertTestTask, insertTestToken, insertTestUser, signedInClient, supervisorContext, type TestApp, type TestClient, type TestOrg } from './helpers.ts';

/**
 * The authorization matrix: every route × every role × own client / other client / other
 * organization. A route missing from this table fails the suite, so a new route cannot ship
 * without its expected answers written down.
 */

const ROLES = ['admin', 'compliance', 'supervisor', 'agent', 'clinical_agent', 'provider'] as const;
type Role = (typeof ROLES)[number];
/** A token of one scope each: a scope opens exactly the routes its description names. */
const SCOPED_TOKENS = Object.keys(TOKEN_SCOPES).map((scope) => `token:${scope}` as const);
type ScopedToken = (typeof SCOPED_TOKENS)[number];
type ActorKey = Role | 'none' | 'token' | ScopedToken | 'anonymous';
const ACTORS: ActorKey[] = [...ROLES, 'none', 'token', ...SCOPED_TOKENS, 'anonymous'];
type Target = 'own' | 'otherClient' | 'otherOrg';

/** Roles whose grants are limited to the clients they are assigned (here: client A). */
const CLIENT_SCOPED: ActorKey[] = ['supervisor', 'agent', 'clinical_agent', 'provider', 'token'];
/** Roles that read only their own person record. */
const SELF_ONLY: ActorKey[] = ['agent', 'clinical_agent', 'provider'];

interface Fixture {
  app: TestApp;
  org: TestOrg;
  other: TestOrg;
  token: string;
  /** A person in the organization the requests act on (or in the other organization). */
  person(target: Target): Promise<string>;
  assignment(target: Target): Promise<{ userId: string; id: string }>;
  apiToken(target: Target): Promise<string>;
  client(target: Target): string;
  /** A patient of the target's client. */
  patient(target: Target): Promise<string>;
  /** A new queue of the target's client. */
  queue(target: Target): Promise<string>;
  /** A routine task of the target's client (claimed by someone else when `claimed`). */
  task(target: Target, claimed?: boolean): Promise<{ id: string; queueId: string; patientId: string }>;
  /** Makes sure the target's client has a practice-system link (to a closed loopback port); returns the client id. */
  practiceLink(target: Target): Promise<string>;
  /** A new vendor of the target's organization. */
  vendor(target: Target): Promise<string>;
  /** A BAA with the target's client (another one beside the fixture's signed one). */
  baa(target: Target): Promise<string>;
  /** A course of the organization the requests act on. */
  course(): Promise<string>;
  /** An open access review of the target's organization; with an item, one for a new person reviewed by the (own) supervisor. */
  review(target: Target, withItem?: boolean): Promise<{ id: string; itemId: string | null }>;
  /** A new reminder of a BAA's end for the target organization's compliance officers. */
  reminder(target: Target): Promise<string>;
  /** The target organization's e-mail channel (made once), through a relay with a signed BAA, pointing at a closed loopback port. */
  channel(target: Target): Promise<string>;
  /** A new vendor of the target organization recorded as providing e-mail. */
  mailVendor(target: Target): Promise<string>;
  /** The target organization's webhook channel (made once), disabled. */
  webhookChannel(target: Target): Promise<string>;
  /** An urgent message about a task of the target's client, sent to the (own) provider for an own target; with a reply from them when asked. */
  urgent(target: Target, withReply?: boolean): Promise<{ id: string; replyId: string | null }>;
  /** A contact point of a new person of the target's organization. */
  contact(target: Target): Promise<{ userId: string; id: string }>;
}

/** Compliance records are the organization's: only the compliance officer reaches them. */
const COMPLIANCE_ONLY: Pick<RouteCase, 'allowed' | 'targets'> = { allowed: ['compliance'], targets: ['own', 'otherOrg'] };

interface RouteCase {
  /** Who may call it (ignored for public routes). */
  allowed: ActorKey[] | 'public' | 'signed-in' | 'session';
  targets?: Target[];
  request(fx: Fixture, target: Target): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
  /** The answer for an allowed actor; defaults to `success` for own targets and 404 for the others. */
  expect?(actor: ActorKey, target: Target): number;
  success: number;
}

/** Roles that find patients and reveal their PHI field by field (compliance only through a logged reveal). */
const PATIENT_READERS: ActorKey[] = ['compliance', 'supervisor', 'agent', 'clinical_agent'];
/** Nothing listens on port 9 of the loopback interface: connecting fails at once. */
const CLOSED_PORT_URL = 'http://127.0.0.1:9/fhir';
const orgWide = (actor: ActorKey) => !CLIENT_SCOPED.includes(actor);
/** Roles that work callbacks: they see queues and tasks of their clients and update the tasks. */
const TASK_WORKERS: ActorKey[] = ['supervisor', 'agent', 'clinical_agent'];
/** Who sets up queues: supervisors for their clients, administrators for every client. */
const QUEUE_MANAGERS: ActorKey[] = ['supervisor', 'admin'];
/** Working a task someone else claimed: a supervisor may; an agent reaches the check and is told to claim it first. */
const onClaimedTask = (ok: number) => (actor: ActorKey, t: Target) => (t !== 'own' ? 404 : actor === 'supervisor' ? ok : 409);
const unique = () => `p${randomBytes(4).toString('hex')}@example.test`;
/** Who reads a client's on-call records: its callback workers and supervisors, administrators for every client; a provider's own grant reaches no client. */
const ONCALL_READ: Pick<RouteCase, 'allowed' | 'targets' | 'success' | 'expect'> = {
  allowed: ['admin', 'supervisor', 'agent', 'clinical_agent', 'provider'],
  success: 200,
  targets: ['own', 'otherClient', 'otherOrg'],
  expect: (a, t) => (a === 'provider' || t === 'otherOrg' ? 404 : t === 'own' || a === 'admin' ? 200 : 404),
};
/** Who changes them: supervisors for their clients, administrators for every client. */
const ONCALL_WRITE: Pick<RouteCase, 'allowed' | 'targets' | 'success' | 'expect'> = { ...ONCALL_READ, allowed: ['admin', 'supervisor', 'provider'] };
/** A person's contact points are kept by themselves or an administrator (the matrix's targets are other people). */
const contactKeepers = (success: number): Pick<RouteCase, 'allowed' | 'targets' | 'success' | 'expect'> => ({
  allowed: ['admin', 'supervisor', 'provider'],
  targets: ['own', 'otherOrg'],
  success,
  expect: (a, t) => (t === 'own' && a === 'admin' ? success : 404),
});
const URGENT_READERS: ActorKey[] = ['supervisor', 'agent', 'clinical_agent', 'provider'];
/** One urgent message: the callback workers of its client, and the provider it was sent to. */
const URGENT_READ: Pick<RouteCase, 'allowed' | 'targets' | 'success'> = { allowed: URGENT_READERS, success: 200, targets: ['own', 'otherClient', 'otherOrg'] };

const CASES: Record<string, RouteCase> = {
  'GET /api/health': { allowed: 'public', success: 200, request: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { allowed: 'public', success: 200, request: () => ({ url: '/api/openapi.json' }) },
  'GET /api/setup': { allowed: 'public', success: 200, request: () => ({ url: '/api/setup' }) },
  'POST /api/setup': {
    allowed: 'public',
    success: 409,
    request: () => ({ url: '/api/setup', body: { orgName: 'Second Service', email: unique(), password: 'marble fountain quiet 2024' } }),
  },
  'POST /api/auth/login': { allowed: 'public', success: 401, request: () => ({ url: '/api/auth/login', body: { email: unique(), password: 'whatever it is 123' } }) },
  'POST /api/auth/mfa/enroll': { allowed: 'session', success: 409, request: () => ({ url: '/api/auth/mfa/enroll' }) },
  'POST /api/auth/mfa': { allowed: 'session', success: 409, request: () => ({ url: '/api/auth/mfa', body: { code: '123456' } }) },
  'POST /api/auth/logout': { allowed: 'session', success: 204, request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { allowed: 'session', success: 200, request: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/activity': { allowed: 'signed-in', success: 200, request: () => ({ url: '/api/auth/activity' }) },
  'POST /api/account/mfa/enroll': { allowed: 'signed-in', success: 200, request: () => ({ url: '/api/account/mfa/enroll', body: { password: TEST_PASSWORD } }) },
  // Reaching the check is the permission; the made-up code is then refused as a wrong code.
  'POST /api/account/mfa/confirm': { allowed: 'signed-in', success: 400, request: () => ({ url: '/api/account/mfa/confirm', body: { code: '000000' } }) },
  'POST /api/account/password': {
    allowed: 'signed-in',
    success: 204,
    request: () => ({ url: '/api/account/password', body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD + ' again' } }),
  },
  'GET /api/users': { allowed: [...ROLES], success: 200, request: () => ({ url: '/api/users' }) },
  'POST /api/users': {
    allowed: ['admin'],
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, target) => ({ url: '/api/users', body: { email: unique(), displayName: 'New Agent', password: 'harbor lantern maple 77', roles: [{ role: 'agent', clientId: fx.client(target) }] } }),
    expect: (_a, target) => (target === 'otherOrg' ? 400 : 201),
  },
  'GET /api/users/:id': {
    allowed: [...ROLES],
    success: 200,
    targets: ['own', 'otherOrg'],
    request: async (fx, target) => ({ url: `/api/users/${await fx.person(target)}` }),
    expect: (actor, target) => (target === 'own' && !SELF_ONLY.includes(actor) ? 200 : 404),
  },
  'PATCH /api/users/:id': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/users/${await fx.person(t)}`, body: { displayName: 'Renamed' } }) },
  'POST /api/users/:id/deactivate': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/users/${await fx.person(t)}/deactivate` }) },
  'POST /api/users/:id/reactivate': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/users/${await fx.person(t)}/reactivate` }) },
  'POST /api/users/:id/unlock': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/users/${await fx.person(t)}/unlock` }) },
  'POST /api/users/:id/reset-mfa': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/users/${await fx.person(t)}/reset-mfa` }) },
  'POST /api/users/:id/roles': {
    allowed: ['admin'],
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/users/${await fx.person(t === 'otherOrg' ? 'otherOrg' : 'own')}/roles`, body: { role: 'supervisor', clientId: fx.client(t) } }),
  },
  'DELETE /api/users/:id/roles/:assignmentId': {
    allowed: ['admin'],
    success: 200,
    targets: ['own', 'otherOrg'],
    request: async (fx, t) => {
      const a = await fx.assignment(t);
      return { url: `/api/users/${a.userId}/roles/${a.id}` };
    },
  },
  'GET /api/roles': { allowed: ['admin', 'compliance'], success: 200, request: () => ({ url: '/api/roles' }) },
  'GET /api/clients': { allowed: ['admin', 'compliance', 'supervisor', 'agent', 'clinical_agent', 'token'], success: 200, request: () => ({ url: '/api/clients' }) },
  'POST /api/clients': { allowed: ['admin'], success: 201, request: () => ({ url: '/api/clients', body: { name: `Clinic ${randomBytes(3).toString('hex')}`, timeZone: 'America/Chicago' } }) },
  'GET /api/clients/:id': {
    allowed: ['admin', 'compliance', 'supervisor', 'agent', 'clinical_agent', 'token'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}` }),
    expect: (actor, t) => (t === 'own' || (t === 'otherClient' && orgWide(actor)) ? 200 : 404),
  },
  'PATCH /api/clients/:id': {
    allowed: ['admin'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}`, body: { timeZone: 'America/Denver' } }),
    expect: (_a, t) => (t === 'otherOrg' ? 404 : 200),
  },
  'GET /api/clients/:id/phi-guard': {
    allowed: ['compliance'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/phi-guard` }),
    expect: (_a, t) => (t === 'otherOrg' ? 404 : 200),
  },
  'GET /api/patients': { allowed: PATIENT_READERS, success: 200, request: () => ({ url: '/api/patients' }) },
  'POST /api/patients/search': {
    allowed: PATIENT_READERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, t) => ({ url: '/api/patients/search', body: { clientId: fx.client(t), phone: '555-010-0100' } }),
    // Naming a client outside one's scope is refused outright; an organization-wide reader learns only that the other organization's client does not exist here.
    expect: (actor, t) => (t === 'own' || (t === 'otherClient' && orgWide(actor)) ? 200 : orgWide(actor) ? 404 : 403),
  },
  'POST /api/patients': {
    allowed: ['supervisor', 'agent', 'clinical_agent', 'token'],
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, t) => ({ url: '/api/patients', body: { clientId: fx.client(t), name: { given: 'Matrix', family: 'Fixture' } } }),
    expect: (_a, t) => (t === 'own' ? 201 : 403),
  },
  'GET /api/patients/:id': { allowed: PATIENT_READERS, success: 200, targets: ['own', 'otherClient', 'otherOrg'], request: async (fx, t) => ({ url: `/api/patients/${await fx.patient(t)}` }) },
  'PATCH /api/patients/:id': {
    allowed: ['supervisor', 'agent', 'clinical_agent'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/patients/${await fx.patient(t)}`, body: { callbackWindow: 'mornings' } }),
  },
  'POST /api/patients/:id/reveal': {
    allowed: PATIENT_READERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/patients/${await fx.patient(t)}/reveal`, body: { fields: ['name'], purpose: 'callback' } }),
  },
  'POST /api/patients/:id/merge': {
    allowed: ['supervisor'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/patients/${await fx.patient(t)}/merge`, body: { duplicateId: await fx.patient(t) } }),
  },
  'GET /api/clients/:id/practice-link': {
    allowed: ['admin', 'compliance', 'supervisor', 'agent', 'clinical_agent'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/clients/${await fx.practiceLink(t)}/practice-link` }),
    expect: (actor, t) => (t === 'own' || (t === 'otherClient' && orgWide(actor)) ? 200 : t === 'otherClient' ? 403 : orgWide(actor) ? 404 : 403),
  },
  'PUT /api/clients/:id/practice-link': {
    allowed: ['admin'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/clients/${await fx.practiceLink(t)}/practice-link`, body: { baseUrl: CLOSED_PORT_URL, auth: { type: 'basic', username: 'svc', password: 'synthetic-secret' } } }),
    expect: (_a, t) => (t === 'otherOrg' ? 404 : 200),
  },
  'DELETE /api/clients/:id/practice-link': {
    allowed: ['admin'],
    success: 204,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/clients/${await fx.practiceLink(t)}/practice-link` }),
    expect: (_a, t) => (t === 'otherOrg' ? 404 : 204),
  },
  // Reaching the practice system is the permission: the link points at a closed port, so the answer is a 502.
  'POST /api/clients/:id/practice-link/test': {
    allowed: ['admin'],
    success: 502,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/clients/${await fx.practiceLink(t)}/practice-link/test` }),
    expect: (_a, t) => (t === 'otherOrg' ? 409 : 502),
  },
  'POST /api/patients/practice-search': {
    allowed: ['supervisor', 'agent', 'clinical_agent'],
    success: 502,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: '/api/patients/practice-search', body: { clientId: await fx.practiceLink(t), purpose: 'intake', phone: '555-010-0100' } }),
    expect: (_a, t) => (t === 'own' ? 502 : 403),
  },
  'POST /api/patients/practice-import': {
    allowed: ['supervisor', 'agent', 'clinical_agent'],
    success: 502,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: '/api/patients/practice-import', body: { clientId: await fx.practiceLink(t), fhirId: 'synth-0001' } }),
    expect: (_a, t) => (t === 'own' ? 502 : 403),
  },
  // wait=0: the stream opens and ends at once.
  'GET /api/events': { allowed: [...TASK_WORKERS, 'token'], success: 200, request: () => ({ url: '/api/events?wait=0' }) },
  'GET /api/queues': { allowed: [...TASK_WORKERS, 'admin'], success: 200, request: () => ({ url: '/api/queues' }) },
  'POST /api/queues': {
    allowed: QUEUE_MANAGERS,
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, t) => ({ url: '/api/queues', body: { clientId: fx.client(t), name: `Refills ${randomBytes(3).toString('hex')}` } }),
    expect: (a, t) => (t === 'own' || (t === 'otherClient' && orgWide(a)) ? 201 : orgWide(a) ? 404 : 403),
  },
  'PUT /api/queues/order': {
    allowed: QUEUE_MANAGERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => {
      await fx.queue(t);
      const ids = (await fx.app.tenant(t === 'otherOrg' ? fx.other.orgId : fx.org.orgId).selectFrom('queues').select('id').where('client_id', '=', fx.client(t)).orderBy('position', 'desc').execute()).map((q) => q.id);
      return { url: '/api/queues/order', body: { clientId: fx.client(t), queueIds: ids } };
    },
    expect: (a, t) => (t === 'own' || (t === 'otherClient' && orgWide(a)) ? 200 : orgWide(a) ? 404 : 403),
  },
  'GET /api/queues/:id': { allowed: [...TASK_WORKERS, 'admin'], success: 200, targets: ['own', 'otherClient', 'otherOrg'], request: async (fx, t) => ({ url: `/api/queues/${await fx.queue(t)}` }) },
  'PATCH /api/queues/:id': {
    allowed: QUEUE_MANAGERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/queues/${await fx.queue(t)}`, body: { name: `Renamed ${randomBytes(3).toString('hex')}` } }),
  },
  'GET /api/setup/checklist': { allowed: ['admin'], success: 200, request: () => ({ url: '/api/setup/checklist' }) },
  'GET /api/duty': { allowed: TASK_WORKERS, success: 200, request: () => ({ url: '/api/duty' }) },
  'PUT /api/duty': { allowed: TASK_WORKERS, success: 200, request: () => ({ url: '/api/duty', body: { onDuty: false } }) },
  'GET /api/board/agents': { allowed: ['supervisor'], success: 200, request: () => ({ url: '/api/board/agents' }) },
  'GET /api/board': { allowed: [...TASK_WORKERS, 'token'], success: 200, request: () => ({ url: '/api/board' }) },
  'GET /api/tasks': { allowed: [...TASK_WORKERS, 'token'], success: 200, request: () => ({ url: '/api/tasks' }) },
  'POST /api/tasks': {
    allowed: [...TASK_WORKERS, 'token'],
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => {
      const { queueId, patientId } = await fx.task(t);
      return { url: '/api/tasks', body: { clientId: fx.client(t), queueId, patientId, reasonCode: 'refill', priority: 'urgent', title: 'Refill question' } };
    },
    expect: (_a, t) => (t === 'own' ? 201 : 403),
  },
  // Each request brings a fresh queue holding one task: only someone working that client gets it.
  'POST /api/tasks/claim-next': {
    allowed: TASK_WORKERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: '/api/tasks/claim-next', body: { queueId: (await fx.task(t)).queueId } }),
    expect: (_a, t) => (t === 'own' ? 200 : 204),
  },
  'GET /api/tasks/:id': {
    allowed: [...TASK_WORKERS, 'token'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t)).id}` }),
  },
  'POST /api/tasks/:id/attempts': {
    allowed: TASK_WORKERS,
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t, true)).id}/attempts`, body: { channel: 'phone', outcome: 'no_answer' } }),
    expect: onClaimedTask(201),
  },
  'POST /api/tasks/:id/complete': {
    allowed: TASK_WORKERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t, true)).id}/complete`, body: { resolution: 'resolved' } }),
    expect: onClaimedTask(200),
  },
  'POST /api/tasks/:id/release': {
    allowed: TASK_WORKERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t, true)).id}/release` }),
    expect: onClaimedTask(200),
  },
  'POST /api/tasks/:id/supervise': {
    allowed: ['supervisor'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t)).id}/supervise`, body: { escalate: true } }),
  },
  'GET /api/tasks/:id/assignees': {
    allowed: ['supervisor'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t)).id}/assignees` }),
  },
  'GET /api/tasks/:id/messages': {
    allowed: ['supervisor', 'clinical_agent'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t)).id}/messages` }),
  },
  'POST /api/tasks/:id/messages': {
    allowed: ['supervisor', 'clinical_agent'],
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/tasks/${(await fx.task(t)).id}/messages`, body: { body: 'Synthetic triage note: cough for three days, no fever.' } }),
  },
  // On call: schedules and providers of a client; the route opens to every grant on OnCall,
  // a provider's own (self) grant reaches no client's schedule, so it answers as nothing.
  'GET /api/clients/:id/on-call': { ...ONCALL_READ, request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/on-call` }) },
  'GET /api/clients/:id/on-call/schedule': { ...ONCALL_READ, request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/on-call/schedule` }) },
  'PUT /api/clients/:id/on-call/schedule': { ...ONCALL_WRITE, request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/on-call/schedule`, body: { rotations: [], overrides: [] } }) },
  'GET /api/clients/:id/on-call/coverage': {
    ...ONCALL_READ,
    request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/on-call/coverage?from=2027-01-04T06:00:00.000Z&to=2027-01-11T06:00:00.000Z` }),
  },
  'GET /api/clients/:id/on-call/settings': { ...ONCALL_READ, request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/on-call/settings` }) },
  'PUT /api/clients/:id/on-call/settings': {
    ...ONCALL_WRITE,
    request: (fx, t) => ({
      url: `/api/clients/${fx.client(t)}/on-call/settings`,
      body: { coverage: 'always', ackWindowSeconds: { emergent: 600, urgent: 900 }, renotifyEverySeconds: 120, renotifyTimes: 3, stopOn: 'acknowledged', autoPageEmergent: true, escalationUserIds: [] },
    }),
  },
  'GET /api/clients/:id/on-call/providers': { ...ONCALL_READ, request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/on-call/providers` }) },
  'GET /api/clients/:id/on-call/preview': { ...ONCALL_READ, request: (fx, t) => ({ url: `/api/clients/${fx.client(t)}/on-call/preview` }) },
  // Contact points are the person's own; administrators keep them for others, supervisors (who read people) see them.
  'GET /api/people/:id/contact-points': {
    allowed: ['admin', 'supervisor', 'agent', 'clinical_agent', 'provider'],
    success: 200,
    targets: ['own', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/people/${await fx.person(t)}/contact-points` }),
    expect: (a, t) => (t === 'own' && (a === 'admin' || a === 'supervisor') ? 200 : 404),
  },
  'POST /api/people/:id/contact-points': {
    ...contactKeepers(201),
    request: async (fx, t) => ({ url: `/api/people/${await fx.person(t)}/contact-points`, body: { kind: 'email', address: unique() } }),
  },
  // No channel may send a code in the matrix's organization: a verification finds no code, a resend no channel.
  'POST /api/people/:id/contact-points/:contactId/verify': {
    ...contactKeepers(409),
    request: async (fx, t) => {
      const c = await fx.contact(t);
      return { url: `/api/people/${c.userId}/contact-points/${c.id}/verify`, body: { code: '123456' } };
    },
  },
  'POST /api/people/:id/contact-points/:contactId/resend': {
    ...contactKeepers(409),
    request: async (fx, t) => {
      const c = await fx.contact(t);
      return { url: `/api/people/${c.userId}/contact-points/${c.id}/resend` };
    },
  },
  'DELETE /api/people/:id/contact-points/:contactId': {
    ...contactKeepers(204),
    request: async (fx, t) => {
      const c = await fx.contact(t);
      return { url: `/api/people/${c.userId}/contact-points/${c.id}` };
    },
  },
  'PUT /api/people/:id/contact-points/order': {
    ...contactKeepers(200),
    request: async (fx, t) => {
      const c = await fx.contact(t);
      return { url: `/api/people/${c.userId}/contact-points/order`, body: { ids: [c.id] } };
    },
  },
  'GET /api/account/calendar-feed': { allowed: 'signed-in', success: 200, request: () => ({ url: '/api/account/calendar-feed' }) },
  'POST /api/account/calendar-feed': { allowed: 'signed-in', success: 201, request: () => ({ url: '/api/account/calendar-feed' }) },
  'DELETE /api/account/calendar-feed': { allowed: 'signed-in', success: 204, request: () => ({ url: '/api/account/calendar-feed' }) },
  // The feed's token is its secret: a made-up one is a feed that does not exist.
  'GET /api/calendar/:token': { allowed: 'public', success: 404, request: (fx) => ({ url: `/api/calendar/${fx.org.orgId}.${'A'.repeat(32)}.ics` }) },
  // Urgent messages: paged from a task by the callback workers; a provider reaches only what was sent to them.
  'POST /api/urgent-messages': {
    allowed: ['supervisor', 'agent', 'clinical_agent'],
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: '/api/urgent-messages', body: { taskId: (await fx.task(t)).id, body: 'Synthetic: the caller reports a reaction to a new prescription.' } }),
    // The message is clinical: a plain agent pages without one (the provider is asked to call), never with one.
    expect: (a, t) => (t !== 'own' ? 404 : a === 'agent' ? 403 : 201),
  },
  'GET /api/urgent-messages': { allowed: URGENT_READERS, success: 200, request: () => ({ url: '/api/urgent-messages' }) },
  'GET /api/urgent-messages/:id': { ...URGENT_READ, request: async (fx, t) => ({ url: `/api/urgent-messages/${(await fx.urgent(t)).id}` }) },
  'GET /api/urgent-messages/:id/content': {
    ...URGENT_READ,
    request: async (fx, t) => ({ url: `/api/urgent-messages/${(await fx.urgent(t)).id}/content` }),
    // A plain agent follows a page's status, never its clinical content.
    expect: (a, t) => (t !== 'own' ? 404 : a === 'agent' ? 403 : 200),
  },
  'GET /api/urgent-messages/:id/timeline': { ...URGENT_READ, request: async (fx, t) => ({ url: `/api/urgent-messages/${(await fx.urgent(t)).id}/timeline` }) },
  'POST /api/urgent-messages/:id/opened': { ...URGENT_READ, request: async (fx, t) => ({ url: `/api/urgent-messages/${(await fx.urgent(t)).id}/opened` }) },
  // Only a person the message was sent to acknowledges or replies; a supervisor who was not paged is told so.
  'POST /api/urgent-messages/:id/acknowledge': {
    allowed: ['supervisor', 'provider'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/urgent-messages/${(await fx.urgent(t)).id}/acknowledge` }),
    expect: (a, t) => (t !== 'own' ? 404 : a === 'provider' ? 200 : 403),
  },
  'POST /api/urgent-messages/:id/replies': {
    allowed: ['supervisor', 'provider'],
    success: 201,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/urgent-messages/${(await fx.urgent(t)).id}/replies`, body: { body: 'Synthetic reply: take the next dose with food.' } }),
    expect: (a, t) => (t !== 'own' ? 404 : a === 'provider' ? 201 : 403),
  },
  // Handling a reply is the callback workers' part: the provider who wrote it does not mark it.
  'POST /api/urgent-messages/:id/replies/:replyId/handled': {
    allowed: TASK_WORKERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => {
      const m = await fx.urgent(t, true);
      return { url: `/api/urgent-messages/${m.id}/replies/${m.replyId}/handled` };
    },
  },
  'POST /api/urgent-messages/:id/cancel': {
    allowed: ['supervisor'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/urgent-messages/${(await fx.urgent(t)).id}/cancel` }),
  },
  'GET /api/patients/:id/timeline': {
    allowed: PATIENT_READERS,
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/patients/${await fx.patient(t)}/timeline` }),
  },
  'GET /api/tokens': { allowed: ['admin'], success: 200, request: () => ({ url: '/api/tokens' }) },
  'GET /api/vendors': { ...COMPLIANCE_ONLY, targets: ['own'], success: 200, request: () => ({ url: '/api/vendors' }) },
  'POST /api/vendors': {
    ...COMPLIANCE_ONLY,
    targets: ['own'],
    success: 201,
    request: () => ({ url: '/api/vendors', body: { name: `Vendor ${randomBytes(3).toString('hex')}`, services: ['telephony'], handlesPhi: true } }),
  },
  'PATCH /api/vendors/:id': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/vendors/${await fx.vendor(t)}`, body: { notes: 'Reviewed' } }) },
  'GET /api/baas': { ...COMPLIANCE_ONLY, targets: ['own'], success: 200, request: () => ({ url: '/api/baas' }) },
  'POST /api/baas': { ...COMPLIANCE_ONLY, success: 201, request: (fx, t) => ({ url: '/api/baas', body: { clientId: fx.client(t), status: 'draft' } }) },
  'GET /api/baas/:id': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/baas/${await fx.baa(t)}` }) },
  'PATCH /api/baas/:id': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/baas/${await fx.baa(t)}`, body: { notes: 'Counter-signed copy on file' } }) },
  // Reaching the check is the permission: a JSON body is refused as not being the PDF.
  'PUT /api/baas/:id/document': { ...COMPLIANCE_ONLY, success: 400, request: async (fx, t) => ({ url: `/api/baas/${await fx.baa(t)}/document`, body: {} }), expect: () => 400 },
  // The BAA has no document yet.
  'GET /api/baas/:id/document': { ...COMPLIANCE_ONLY, success: 404, request: async (fx, t) => ({ url: `/api/baas/${await fx.baa(t)}/document` }) },
  'GET /api/compliance/baa-chain': { ...COMPLIANCE_ONLY, targets: ['own'], success: 200, request: () => ({ url: '/api/compliance/baa-chain' }) },
  'GET /api/compliance/dashboard': { ...COMPLIANCE_ONLY, targets: ['own'], success: 200, request: () => ({ url: '/api/compliance/dashboard' }) },
  // Reports: supervisors for their clients, administrators for every client; a client outside one's scope is refused, another organization's is not found.
  'GET /api/reports/callbacks': {
    allowed: ['supervisor', 'admin'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: (fx, t) => ({ url: `/api/reports/callbacks?clientId=${fx.client(t)}&from=2026-11-01&to=2026-11-30&format=csv` }),
    expect: (a, t) => (t === 'own' || (t === 'otherClient' && orgWide(a)) ? 200 : orgWide(a) ? 404 : 403),
  },
  'GET /api/reminders': { allowed: 'signed-in', success: 200, request: () => ({ url: '/api/reminders' }) },
  // A BAA reminder is for whoever keeps the compliance records; to anyone else it does not exist.
  'POST /api/reminders/:id/acknowledge': {
    allowed: [...ROLES, 'none'],
    targets: ['own', 'otherOrg'],
    success: 204,
    request: async (fx, t) => ({ url: `/api/reminders/${await fx.reminder(t)}/acknowledge` }),
    expect: (actor, t) => (t === 'own' && actor === 'compliance' ? 204 : 404),
  },
  'GET /api/courses': { allowed: 'signed-in', success: 200, request: () => ({ url: '/api/courses' }) },
  'GET /api/training/me': { allowed: 'signed-in', success: 200, request: () => ({ url: '/api/training/me' }) },
  'GET /api/training/people': { ...COMPLIANCE_ONLY, targets: ['own'], success: 200, request: () => ({ url: '/api/training/people' }) },
  'GET /api/training/people/:id': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/training/people/${await fx.person(t)}` }) },
  'POST /api/training/completions': {
    ...COMPLIANCE_ONLY,
    success: 201,
    request: async (fx, t) => ({
      url: '/api/training/completions',
      body: { userId: await fx.person(t), courseId: await fx.course(), completedOn: new Date().toISOString().slice(0, 10), evidence: 'Signed attestation on file' },
    }),
  },
  // Reviewers can hold any role: the list shows each person what they review (empty otherwise).
  'GET /api/access-reviews': { allowed: 'signed-in', success: 200, request: () => ({ url: '/api/access-reviews' }) },
  'POST /api/access-reviews': { ...COMPLIANCE_ONLY, targets: ['own'], success: 201, request: () => ({ url: '/api/access-reviews', body: { name: 'Quarterly review' } }) },
  'GET /api/access-reviews/:id': {
    allowed: [...ROLES, 'none'],
    targets: ['own', 'otherOrg'],
    success: 200,
    request: async (fx, t) => ({ url: `/api/access-reviews/${(await fx.review(t, true)).id}` }),
    expect: (actor, t) => (t === 'own' && (actor === 'compliance' || actor === 'supervisor') ? 200 : 404),
  },
  'POST /api/access-reviews/:id/items/:itemId': {
    allowed: [...ROLES, 'none'],
    targets: ['own', 'otherOrg'],
    success: 200,
    request: async (fx, t) => {
      const r = await fx.review(t, true);
      return { url: `/api/access-reviews/${r.id}/items/${r.itemId}`, body: { decision: 'certify' } };
    },
    expect: (actor, t) => (t === 'own' && (actor === 'compliance' || actor === 'supervisor') ? 200 : 404),
  },
  'POST /api/access-reviews/:id/close': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/access-reviews/${(await fx.review(t)).id}/close` }) },
  // Reaching the check is the permission: a JSON body is refused as not being the CSV.
  'POST /api/training/import': { ...COMPLIANCE_ONLY, targets: ['own'], success: 400, request: () => ({ url: '/api/training/import', body: {} }) },
  'GET /api/tokens/scopes': { allowed: ['admin'], success: 200, request: () => ({ url: '/api/tokens/scopes' }) },
  'POST /api/tokens': {
    allowed: ['admin'],
    success: 201,
    targets: ['own', 'otherOrg'],
    request: (fx, t) => ({ url: '/api/tokens', body: { name: 'Intake webhook', scopes: ['tasks:create'], clientIds: [fx.client(t)] } }),
    expect: (_a, t) => (t === 'otherOrg' ? 400 : 201),
  },
  'DELETE /api/tokens/:id': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/tokens/${await fx.apiToken(t)}` }) },
  'GET /api/notification-channels': { allowed: ['admin'], success: 200, request: () => ({ url: '/api/notification-channels' }) },
  'GET /api/notification-channels/vendors': { allowed: ['admin'], success: 200, request: () => ({ url: '/api/notification-channels/vendors' }) },
  // One e-mail channel per organization: each request starts from none, so the administrator's creates one.
  'POST /api/notification-channels': {
    allowed: ['admin'],
    success: 201,
    targets: ['own', 'otherOrg'],
    request: async (fx, t) => {
      const tenant = fx.app.tenant(fx.org.orgId);
      await tenant.deleteFrom('notifications').execute();
      await tenant.deleteFrom('notification_channels').execute();
      return { url: '/api/notification-channels', body: { kind: 'email', vendorId: await fx.mailVendor(t), host: '127.0.0.1', port: 9, secure: false, fromAddress: 'alerts@example.test' } };
    },
  },
  'GET /api/notification-channels/:id': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/notification-channels/${await fx.channel(t)}` }) },
  'PATCH /api/notification-channels/:id': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/notification-channels/${await fx.channel(t)}`, body: { secure: false } }) },
  'POST /api/notification-channels/:id/enable': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/notification-channels/${await fx.channel(t)}/enable` }) },
  'POST /api/notification-channels/:id/disable': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/notification-channels/${await fx.channel(t)}/disable` }) },
  // Reaching the relay is the permission: the channel points at a closed port, so the answer is a 502.
  'POST /api/notification-channels/:id/test': {
    allowed: ['admin'],
    success: 502,
    targets: ['own', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/notification-channels/${await fx.channel(t)}/test`, body: { to: 'desk@example.test' } }),
  },
  'POST /api/notification-channels/:id/rotate-secret': { allowed: ['admin'], success: 200, targets: ['own', 'otherOrg'], request: async (fx, t) => ({ url: `/api/notification-channels/${await fx.webhookChannel(t)}/rotate-secret` }) },
  // Public (the SMS provider has no session) and verified by its signature instead: unsigned, every caller is refused alike.
  'POST /api/notifications/sms-status/:channelId': { allowed: 'public', success: 403, request: () => ({ url: `/api/notifications/sms-status/${randomUUID()}`, body: { MessageSid: 'SM0123', MessageStatus: 'delivered' } }) },
  'GET /api/audit/events': { allowed: ['compliance', 'token'], success: 200, request: () => ({ url: '/api/audit/events' }) },
  'GET /api/audit/status': { allowed: ['compliance', 'token'], success: 200, request: () => ({ url: '/api/audit/status' }) },
  'GET /api/audit/events/:id': {
    allowed: ['compliance', 'token'],
    success: 200,
    targets: ['own', 'otherOrg'],
    request: async (fx, t) => {
      const event = await fx.app.tenant((t === 'otherOrg' ? fx.other : fx.org).orgId).selectFrom('audit_events').select('id').orderBy('id').executeTakeFirstOrThrow();
      return { url: `/api/audit/events/${event.id}` };
    },
  },
  // A patient's side of the trail: the compliance officer's audit grants reach every client of the organization.
  'GET /api/patients/:id/access-history': { allowed: ['compliance'], success: 200, targets: ['own', 'otherClient', 'otherOrg'], request: async (fx, t) => ({ url: `/api/patients/${await fx.patient(t)}/access-history` }) },
  'GET /api/patients/:id/disclosures': {
    allowed: ['compliance'],
    success: 200,
    targets: ['own', 'otherClient', 'otherOrg'],
    request: async (fx, t) => ({ url: `/api/patients/${await fx.patient(t)}/disclosures?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&format=csv` }),
  },
  // Reading the trail is the route's permission; exporting it needs the export grant too, which no token scope carries.
  'GET /api/audit/export': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/audit/export?format=jsonl&from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z' }) },
  'GET /api/audit/verification': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/audit/verification' }) },
  'POST /api/audit/verification': { allowed: ['compliance'], success: 202, request: () => ({ url: '/api/audit/verification' }) },
  'GET /api/audit/alerts': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/audit/alerts?status=all' }) },
  'GET /api/audit/alerts/summary': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/audit/alerts/summary' }) },
  'GET /api/audit/alerts/:id': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/audit/alerts/${await alertOf(fx, t)}` }) },
  'POST /api/audit/alerts/:id/assign': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/audit/alerts/${await alertOf(fx, t)}/assign`, body: { userId: fx.org.users.compliance!.id } }) },
  'POST /api/audit/alerts/:id/resolve': {
    ...COMPLIANCE_ONLY,
    success: 200,
    request: async (fx, t) => ({ url: `/api/audit/alerts/${await alertOf(fx, t)}/resolve`, body: { outcome: 'benign', reason: 'Covering a colleague’s callback.' } }),
  },
  // Recordings: supervisors of the client store and play them; compliance plays one only by a reveal with its purpose.
  // Reaching the upload's check is the permission: a JSON body is not audio.
  'POST /api/recordings': { allowed: ['supervisor'], targets: ['own', 'otherClient', 'otherOrg'], success: 415, request: (fx, t) => ({ url: `/api/recordings?clientId=${fx.client(t)}`, body: {} }), expect: () => 415 },
  'GET /api/recordings': { allowed: ['supervisor'], success: 200, request: () => ({ url: '/api/recordings' }) },
  'GET /api/recordings/:id': { allowed: ['supervisor'], targets: ['own', 'otherClient', 'otherOrg'], success: 200, request: async (fx, t) => ({ url: `/api/recordings/${await recordingOf(fx, t)}` }) },
  'GET /api/recordings/:id/audio': { allowed: ['supervisor'], targets: ['own', 'otherClient', 'otherOrg'], success: 200, request: async (fx, t) => ({ url: `/api/recordings/${await recordingOf(fx, t)}/audio` }) },
  'GET /api/recordings/:id/audio/reveal': {
    allowed: ['compliance'],
    targets: ['own', 'otherClient', 'otherOrg'],
    success: 200,
    request: async (fx, t) => ({ url: `/api/recordings/${await recordingOf(fx, t)}/audio/reveal?purpose=compliance_review` }),
  },
  // Incidents: anyone signed in reports one; only compliance works them; another organization's is not found.
  'POST /api/incidents': { allowed: 'signed-in', success: 201, request: () => ({ url: '/api/incidents', body: { type: 'other', description: 'A fax went to the wrong office.' } }) },
  'GET /api/incidents': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/incidents' }) },
  'GET /api/incidents/deadlines': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/incidents/deadlines' }) },
  'GET /api/incidents/breach-log': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/incidents/breach-log?year=2026' }) },
  'GET /api/incidents/:id': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}` }) },
  'PATCH /api/incidents/:id': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}`, body: { hhsLocation: 'Paper/Films' } }) },
  'POST /api/incidents/:id/scope': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}/scope`, body: { reason: 'Checked with the practice.', individuals: [] } }) },
  'POST /api/incidents/:id/scope/derive': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}/scope/derive` }) },
  'PUT /api/incidents/:id/assessment': { ...COMPLIANCE_ONLY, success: 200, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}/assessment`, body: { determination: 'breach' } }) },
  // Reaching the check is the permission: there is no draft to sign yet.
  'POST /api/incidents/:id/assessment/sign': { ...COMPLIANCE_ONLY, success: 409, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}/assessment/sign` }) },
  'POST /api/incidents/:id/close': { ...COMPLIANCE_ONLY, success: 409, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}/close`, body: { reason: 'Nothing more to do.' } }) },
  'POST /api/incidents/:id/notices': { ...COMPLIANCE_ONLY, success: 201, request: async (fx, t) => ({ url: `/api/incidents/${await incidentOf(fx, t)}/notices`, body: { clientId: fx.client(t) } }) },
  'GET /api/incidents/:id/notices/:noticeId': {
    ...COMPLIANCE_ONLY,
    success: 200,
    request: async (fx, t) => {
      const n = await noticeOf(fx, t);
      return { url: `/api/incidents/${n.id}/notices/${n.noticeId}?format=md` };
    },
  },
  'POST /api/incidents/:id/notices/:noticeId/sent': {
    ...COMPLIANCE_ONLY,
    success: 200,
    request: async (fx, t) => {
      const n = await noticeOf(fx, t);
      return { url: `/api/incidents/${n.id}/notices/${n.noticeId}/sent`, body: { via: 'email', to: 'The practice’s privacy officer' } };
    },
  },
  'GET /api/audit/anomaly-rules': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/audit/anomaly-rules' }) },
  'PUT /api/audit/anomaly-rules/:rule': { allowed: ['compliance'], success: 200, request: () => ({ url: '/api/audit/anomaly-rules/new_network', body: { enabled: true, severity: 'low' } }) },
  'GET /api/break-glass': { allowed: PATIENT_READERS, success: 200, request: () => ({ url: '/api/break-glass' }) },
  // Another client's patient opens through break-glass; the compliance officer's grants reach it already; another organization's is not found.
  'POST /api/break-glass': {
    allowed: PATIENT_READERS,
    success: 201,
    targets: ['otherClient', 'otherOrg'],
    expect: (a, t) => (t === 'otherOrg' ? 404 : a === 'compliance' ? 409 : 201),
    request: async (fx, t) => {
      const id = await fx.patient(t);
      const org = t === 'otherOrg' ? fx.other : fx.org;
      const row = await fx.app.tenant(org.orgId).selectFrom('patients').select(['ref', 'client_id']).where('id', '=', id).executeTakeFirstOrThrow();
      return { url: '/api/break-glass', body: { clientId: row.client_id, patientRef: row.ref, reason: 'Caller transferred from the other practice line.' } };
    },
  },
};

/** A new open alert of the target's organization. */
const alertOf = (fx: Fixture, t: Target) => insertTestAlert(fx.app, (t === 'otherOrg' ? fx.other : fx.org).orgId);
/** A recording of the target's client, stored as a supervisor would upload it. */
const recordingOf = async (fx: Fixture, t: Target) => {
  const orgId = (t === 'otherOrg' ? fx.other : fx.org).orgId;
  const ctx = unsafeSystemContext(fx.app.database, fx.app.app.platform.keyring, orgId, 'supervisor', 'test');
  const store = recordingStore(fx.app.app.platform.config);
  return (await ingestRecording(ctx, store, { clientId: fx.client(t), direction: 'inbound', contentType: 'audio/mpeg' }, Readable.from([Buffer.from('synthetic audio bytes')]), 1_000_000)).id;
};
/** An incident of the target's organization with the target's client in scope, reported by the system as compliance would. */
const incidentOf = async (fx: Fixture, t: Target) => {
  const orgId = (t === 'otherOrg' ? fx.other : fx.org).orgId;
  const ctx = unsafeSystemContext(fx.app.database, fx.app.app.platform.keyring, orgId, 'compliance', 'test');
  return (await reportIncident(ctx, { type: 'other', description: 'A fax went to the wrong office.', clientIds: [fx.client(t)] })).id;
};
/** A letter of such an incident to its client. */
const noticeOf = async (fx: Fixture, t: Target) => {
  const orgId = (t === 'otherOrg' ? fx.other : fx.org).orgId;
  const ctx = unsafeSystemContext(fx.app.database, fx.app.app.platform.keyring, orgId, 'compliance', 'test');
  const id = await incidentOf(fx, t);
  return { id, noticeId: (await generateNotice(ctx, id, fx.client(t))).id };
};


function expected(key: string, c: RouteCase, actor: ActorKey, target: Target): number {
  if (c.allowed === 'public') return c.success;
  if (actor === 'anonymous') return 401;
  if (actor.startsWith('token:')) {
    // A token of one scope: refused outside the routes that scope opens, and there answered as a token with every scope.
    const scope = TOKEN_SCOPES[actor.slice('token:'.length)]!;
    return scope.routes.includes(key) ? expected(key, c, 'token', target) : 403;
  }
  if (c.allowed === 'session' || c.allowed === 'signed-in') return actor === 'token' ? 403 : c.success;
  if (!c.allowed.includes(actor)) return 403;
  if (c.expect) return c.expect(actor, target);
  return target === 'own' ? c.success : target === 'otherClient' && orgWide(actor) ? c.success : 404;
}

async function snapshotOrg(app: TestApp, orgId: string): Promise<string> {
  const t = app.tenant(orgId);
  const [users, clients, assignments, tokens, sessions] = await Promise.all([
    t.selectFrom('users').selectAll().orderBy('id').execute(),
    t.selectFrom('clients').selectAll().orderBy('id').execute(),
    t.selectFrom('role_assignments').selectAll().orderBy('id').execute(),
    t.selectFrom('api_tokens').selectAll().orderBy('id').execute(),
    t.selectFrom('sessions').select(['id', 'ended_at']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ users, clients, assignments, tokens, sessions });
}

test('every registered route has an entry in the authorization matrix', async (t) => {
  const app = await buildTestApp(t);
  const missing = app.app.registeredRoutes
    .filter((r) => !r.url.startsWith('/api/docs'))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => !(key in CASES));
  assert.deepEqual(missing, [], 'routes without expected answers in the matrix');
  // The interactive documentation routes are the only ones outside the table, and they are public.
  for (const r of app.app.registeredRoutes.filter((r) => r.url.startsWith('/api/docs'))) assert.equal(r.config.permission, 'public');
});

test('authorization matrix: route × role × own/other client × own/other organization', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, {
    clients: ['A', 'B'],
    users: {
      admin: ['admin', null],
      compliance: ['compliance', null],
      supervisor: ['supervisor', 'A'],
      agent: ['agent', 'A'],
      clinical_agent: ['clinical_agent', 'A'],
      provider: ['provider', 'A'],
      none: [],
      staff: ['agent', 'B'],
    },
  });
  const other = await createTestOrg(app, { clients: ['C'], users: { staff: ['agent', 'C'] } });
  const { secret: tokenSecret } = await insertTestToken(app, org.orgId, Object.keys(TOKEN_SCOPES), [org.clients.A!]);
  const scopedSecrets = new Map<string, string>();
  for (const actor of SCOPED_TOKENS) scopedSecrets.set(actor, (await insertTestToken(app, org.orgId, [actor.slice('token:'.length)], [org.clients.A!])).secret);
  const now = new Date().toISOString();

  const orgOf = (target: Target) => (target === 'otherOrg' ? other : org);
  const roleId = async (o: TestOrg, key: string) => (await app.tenant(o.orgId).selectFrom('roles').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
  const fx: Fixture = {
    app,
    org,
    other,
    token: tokenSecret,
    person: async (target) => (await insertTestUser(app, orgOf(target).orgId, unique())).id,
    assignment: async (target) => {
      const o = orgOf(target);
      const userId = (await insertTestUser(app, o.orgId, unique())).id;
      const id = randomUUID();
      await app
        .tenant(o.orgId)
        .insertInto('role_assignments', { id, user_id: userId, role_id: await roleId(o, 'agent'), client_id: Object.values(o.clients)[0]!, created_at: now, created_by: null })
        .execute();
      return { userId, id };
    },
    apiToken: async (target) => (await insertTestToken(app, orgOf(target).orgId, ['tasks:read'])).id,
    client: (target) => (target === 'own' ? org.clients.A! : target === 'otherClient' ? org.clients.B! : other.clients.C!),
    patient: async (target) => (await insertTestPatient(app, orgOf(target).orgId, fx.client(target))).id,
    queue: (target) => insertTestQueue(app, orgOf(target).orgId, fx.client(target)),
    task: (target, claimed) => insertTestTask(app, orgOf(target).orgId, fx.client(target), claimed ? { claimedBy: orgOf(target).admin.id } : {}),
    vendor: async (target) => {
      const id = randomUUID();
      await app
        .tenant(orgOf(target).orgId)
        .insertInto('vendors', { id, name: `Vendor ${randomBytes(4).toString('hex')}`, services: '["sms"]', handles_phi: 1, status: 'active', notes: null, created_at: now, updated_at: now })
        .execute();
      return id;
    },
    baa: (target) => insertTestBaa(app, orgOf(target).orgId, fx.client(target), { status: 'draft' }),
    course: async () => (await app.tenant(org.orgId).selectFrom('courses').select('id').executeTakeFirstOrThrow()).id,
    reminder: async (target) => {
      const id = randomUUID();
      await app
        .tenant(orgOf(target).orgId)
        .insertInto('reminders', { id, kind: 'baa_ending', subject_key: randomUUID(), user_id: null, threshold_days: 30, due_on: '2027-01-31', created_at: now, acknowledged_by: null, acknowledged_at: null })
        .execute();
      return id;
    },
    mailVendor: async (target) => {
      const id = randomUUID();
      const tenant = app.tenant(orgOf(target).orgId);
      await tenant.insertInto('vendors', { id, name: `Relay ${randomBytes(4).toString('hex')}`, services: '["email"]', handles_phi: 1, status: 'active', notes: null, created_at: now, updated_at: now }).execute();
      await tenant
        .insertInto('baas', { id: randomUUID(), client_id: null, vendor_id: id, status: 'signed', effective_on: '2020-01-01', ends_on: null, counterparty_signer: null, breach_notice_days: 30, termination_disposition: 'destroy', notes: null, document_enc: null, document_name: null, document_bytes: null, document_sha256: null, created_by: null, created_at: now, updated_at: now })
        .execute();
      return id;
    },
    channel: async (target) => {
      const tenant = app.tenant(orgOf(target).orgId);
      const existing = await tenant.selectFrom('notification_channels').select('id').where('kind', '=', 'email').executeTakeFirst();
      if (existing) return existing.id;
      const id = randomUUID();
      const settings = JSON.stringify({ host: '127.0.0.1', port: 9, secure: false, fromAddress: 'alerts@example.test' });
      await tenant.insertInto('notification_channels', { id, kind: 'email', vendor_id: await fx.mailVendor(target), settings, credentials_enc: null, status: 'disabled', created_by: null, created_at: now, updated_at: now }).execute();
      return id;
    },
    webhookChannel: async (target) => {
      const tenant = app.tenant(orgOf(target).orgId);
      const existing = await tenant.selectFrom('notification_channels').select('id').where('kind', '=', 'webhook').executeTakeFirst();
      if (existing) return existing.id;
      const id = randomUUID();
      const settings = JSON.stringify({ secretSetAt: now });
      await tenant.insertInto('notification_channels', { id, kind: 'webhook', vendor_id: await fx.mailVendor(target), settings, credentials_enc: null, status: 'disabled', created_by: null, created_at: now, updated_at: now }).execute();
      return id;
    },
    review: async (target, withItem = false) => {
      const o = orgOf(target);
      const tenant = app.tenant(o.orgId);
      const id = randomUUID();
      await tenant.insertInto('access_reviews', { id, name: 'Matrix review', status: 'open', due_on: null, created_by: null, created_at: now, closed_by: null, closed_at: null }).execute();
      if (!withItem) return { id, itemId: null };
      const itemId = randomUUID();
      const reviewer = target === 'otherOrg' ? o.users.staff!.id : o.users.supervisor!.id;
      await tenant
        .insertInto('access_review_items', { id: itemId, review_id: id, assignment_id: randomUUID(), user_id: await fx.person(target), role_key: 'agent', client_id: fx.client(target), reviewer_id: reviewer, decision: null, decided_by: null, decided_at: null, note: null })
        .execute();
      return { id, itemId };
    },
    urgent: async (target, withReply = false) => {
      const o = orgOf(target);
      const task = await fx.task(target);
      const ctx = supervisorContext(app, o.orgId);
      const message = await createUrgentMessage(ctx, app.app.platform.jobs, { taskId: task.id, body: 'Synthetic: a question for the provider.' });
      const tenant = app.tenant(o.orgId);
      if (target === 'own') {
        await tenant.insertInto('urgent_message_recipients', { message_id: message.id, user_id: org.users.provider!.id, role: 'primary', first_notified_at: now, opened_at: null, read_at: null, acknowledged_at: null }).execute();
        // The page went out while nobody had acknowledged: the chain still runs.
        await tenant.updateTable('urgent_messages').set({ status: 'paging', next_step: 1, fallback_task_id: null, closed_at: null }).where('id', '=', message.id).execute();
      }
      if (!withReply) return { id: message.id, replyId: null };
      const replyId = randomUUID();
      await tenant.insertInto('urgent_message_replies', { id: replyId, client_id: fx.client(target), message_id: message.id, author_id: org.users.provider!.id, body_enc: 'not read here', created_at: now, handled_at: null, handled_by: null }).execute();
      return { id: message.id, replyId };
    },
    contact: async (target) => {
      const userId = await fx.person(target);
      const id = randomUUID();
      await app
        .tenant(orgOf(target).orgId)
        .insertInto('oncall_contact_points', { id, user_id: userId, kind: 'email', address: unique(), position: 0, verified_at: null, code_hash: null, code_expires_at: null, code_attempts: 0, created_at: now })
        .execute();
      return { userId, id };
    },
    practiceLink: async (target) => {
      const clientId = fx.client(target);
      const tenant = app.tenant(orgOf(target).orgId);
      await tenant.deleteFrom('practice_links').where('client_id', '=', clientId).execute();
      await tenant.insertInto('practice_links', { client_id: clientId, base_url: CLOSED_PORT_URL, auth_type: 'none', credentials_enc: null, updated_by: null, updated_at: now }).execute();
      return clientId;
    },
  };

  const otherIds = [other.orgId, other.admin.id, other.users.staff!.id, other.clients.C!];
  const clientFor = async (actor: ActorKey): Promise<TestClient> => {
    if (actor === 'anonymous') return app.client();
    if (actor === 'token') {
      const c = app.client();
      c.bearer = tokenSecret;
      return c;
    }
    if (actor.startsWith('token:')) {
      const c = app.client();
      c.bearer = scopedSecrets.get(actor)!;
      return c;
    }
    return signedInClient(app, org.orgId, org.users[actor]!.id);
  };

  const failures: string[] = [];
  let checked = 0;
  for (const [key, c] of Object.entries(CASES)) {
    const [method] = key.split(' ') as [string];
    for (const target of c.targets ?? ['own']) {
      for (const actor of ACTORS) {
        const { url, body } = await c.request(fx, target);
        const http = await clientFor(actor);
        const before = target === 'otherOrg' ? await snapshotOrg(app, other.orgId) : null;
        const res = await http.request(method, url, body ?? (method === 'GET' || method === 'DELETE' ? undefined : {}));
        if (before !== null && (await snapshotOrg(app, other.orgId)) !== before) failures.push(`${key} as ${actor}: changed the other organization's data`);
        const want = expected(key, c, actor, target);
        checked += 1;
        if (res.status !== want) failures.push(`${key} as ${actor} on ${target} (${url}): expected ${want}, got ${res.status} ${res.body?.detail ?? ''}`);
        if (res.status >= 400 && !/application\/problem\+json/.test(res.headers.get('content-type') ?? '')) failures.push(`${key} as ${actor}: error without problem+json`);
        const leaked = otherIds.find((id) => res.text.includes(id) && !url.includes(id));
        if (leaked) failures.push(`${key} as ${actor} on ${target}: response carries another organization's id ${leaked}`);
      }
    }
  }
  // A scope naming a route the app does not have is a typo that would silently open nothing.
  const known = new Set(app.app.registeredRoutes.map((r) => `${r.method} ${r.url}`));
  for (const [scope, s] of Object.entries(TOKEN_SCOPES)) for (const r of s.routes) if (!known.has(r)) failures.push(`token scope ${scope} names ${r}, which does not exist`);
  assert.deepEqual(failures, [], `${failures.length} of ${checked} matrix cells are wrong`);
  assert.ok(checked > 250, `matrix covered ${checked} cells`);
});

test('row scope: people see only the rows their roles reach', async (t) => {
  const app = await buildTestApp(t);
  const org = await createTestOrg(app, { clients: ['A', 'B'], users: { agent: ['agent', 'A'], supervisor: ['supervisor', 'A'], compliance: ['compliance', null] } });
  const other = await createTestOrg(app, { clients: ['C'] });
  const agent = await signedInClient(app, org.orgId, org.users.agent!.id);
  const users = await agent.get('/api/users');
  assert.deepEqual(
    users.body.items.map((u: { id: string }) => u.id),
    [org.users.agent!.id],
  );
  const clients = await agent.get('/api/clients');
  assert.deepEqual(
    clients.body.items.map((c: { id: string }) => c.id),
    [org.clients.A],
  );
  const supervisor = await signedInClient(app, org.orgId, org.users.supervisor!.id);
  assert.equal((await supervisor.get('/api/users')).body.total, 4, 'a supervisor sees the organization’s people');
  const compliance = await signedInClient(app, org.orgId, org.users.compliance!.id);
  const all = await compliance.get('/api/clients');
  assert.deepEqual(new Set(all.body.items.map((c: { id: string }) => c.id)), new Set([org.clients.A, org.clients.B]));
  assert.ok(!all.text.includes(other.clients.C!));

  // An inactive client grants nothing to those assigned to it.
  const admin = await signedInClient(app, org.orgId, org.admin.id);
  assert.equal((await admin.patch(`/api/clients/${org.clients.A}`, { status: 'inactive' })).status, 200);
  assert.equal((await agent.get('/api/clients')).status, 403, 'the agent’s only client is inactive: no client rules remain');
  assert.equal((await agent.get(`/api/clients/${org.clients.A}`)).status, 403);

  // Revoking a role takes effect on the very next request.
  const person = await admin.get(`/api/users/${org.users.supervisor!.id}`);
  const assignment = person.body.roles[0].id;
  assert.equal((await admin.delete(`/api/users/${org.users.supervisor!.id}/roles/${assignment}`)).status, 200);
  assert.equal((await supervisor.get('/api/users')).status, 403);
});
