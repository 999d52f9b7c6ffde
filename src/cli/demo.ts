import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { generate } from 'otplib';
import { SYSTEM_SOURCE } from '../platform/audit/events.ts';
import { unsafeEnrolKnownSecret } from '../platform/auth/auth.service.ts';
import { newTotpSecret, totpUri } from '../platform/auth/totp.ts';
import type { KeyRing } from '../platform/crypto/keyring.ts';
import type { RingfenceDatabase } from '../platform/db/database.ts';
import { unsafeSystemContext } from '../platform/system-context.ts';
import type { ClientView } from '../modules/clients/clients.schemas.ts';
import { createClient } from '../modules/clients/clients.service.ts';
import { createBaa } from '../modules/compliance/baas.service.ts';
import { listCourses, recordCompletion } from '../modules/compliance/training.service.ts';
import { createVendor } from '../modules/compliance/vendors.service.ts';
import { addDays, addMonths, today } from '../platform/calendar.ts';
import { isSetupNeeded, unsafeCreateOrganization } from '../modules/organizations/organizations.service.ts';
import { createUser } from '../modules/users/users.service.ts';
import { createPatient } from '../modules/patients/patients.service.ts';
import { createQueue } from '../modules/tasks/queues.service.ts';
import { createTask } from '../modules/tasks/intake.service.ts';
import { saveOnCallSettings } from '../modules/oncall/providers.service.ts';
import { saveSchedule } from '../modules/oncall/schedules.service.ts';
import { DEFAULT_ONCALL_SETTINGS } from '../modules/oncall/settings.ts';

/** The demo's shared password: synthetic accounts only, in their own data directory. */
export const DEMO_PASSWORD = 'ringfence demo only 2026';
const CREDENTIALS_FILE = 'DEMO-CREDENTIALS.json';

export interface DemoAccount {
  role: string;
  email: string;
  totpSecret: string;
  totpUri: string;
}

const CLIENTS = [
  { name: 'Lakeside Pediatrics (demo)', timeZone: 'America/Chicago' },
  { name: 'Riverbend Family Medicine (demo)', timeZone: 'America/New_York' },
  { name: 'Summit Urgent Care (demo)', timeZone: 'America/Denver' },
];

const PEOPLE: { key: string; name: string; roles: [string, number | null][] }[] = [
  { key: 'compliance', name: 'Casey Compliance', roles: [['compliance', null]] },
  { key: 'supervisor', name: 'Sam Supervisor', roles: [['supervisor', 0], ['supervisor', 1], ['supervisor', 2]] },
  { key: 'agent', name: 'Alex Agent', roles: [['agent', 0], ['agent', 1]] },
  { key: 'nurse', name: 'Noor Nurse', roles: [['clinical_agent', 2]] },
  { key: 'provider', name: 'Dr. Demo Provider', roles: [['provider', 0]] },
];

/** Synthetic demo patients, obviously fictional, with phone numbers in the reserved 555-01xx range. */
const DEMO_PATIENTS = [
  { name: { given: 'Avery', family: 'Example' }, dateOfBirth: '1980-01-01' },
  { name: { given: 'Jordan', family: 'Sample' }, dateOfBirth: '1992-02-02' },
  { name: { given: 'Riley', family: 'Placeholder' }, dateOfBirth: '1975-03-03' },
  { name: { given: 'Morgan', family: 'Testperson' }, dateOfBirth: '2001-04-04' },
];

/**
 * Days until the agent's lapsing course lapses: inside the dashboard's and the reminders'
 * 30-day horizon on any date (a completion eleven months back lapses 31 days on in a 31-day month).
 */
export const DEMO_LAPSING_DAYS = 20;

/** The completion day that makes a course of `validityMonths` lapse `days` after `day` (a day earlier when the month is shorter). */
export function completedToLapseIn(day: string, days: number, validityMonths: number): string {
  return addMonths(addDays(day, days), -validityMonths);
}

/**
 * Seeds a synthetic demo organization (no real-looking PHI): three clients with a few
 * obviously fictional patients each and a callback queue with one waiting callback per
 * patient, and one person per role, each with an enrolled
 * authenticator. Returns the sign-in details, also written to the demo data directory so
 * they can be shown again.
 */
export async function seedDemo(database: RingfenceDatabase, keyring: KeyRing, dataDir: string): Promise<DemoAccount[]> {
  const adminSecret = newTotpSecret();
  const org = await unsafeCreateOrganization(database, keyring, { orgName: 'Demo Answering Service', email: 'admin@demo.ringfence.test', password: DEMO_PASSWORD, displayName: 'Dana Admin' }, SYSTEM_SOURCE, {
    onlyIfEmpty: true,
  });
  const deps = { database, keyring };
  await unsafeEnrolKnownSecret(deps, org.orgId, org.userId, adminSecret);
  const ctx = unsafeSystemContext(database, keyring, org.orgId);
  const compliance = unsafeSystemContext(database, keyring, org.orgId, 'compliance');
  const clients: ClientView[] = [];
  // Each client's BAA was signed a year ago; PHI of a client without one is refused.
  const signed = addMonths(today(), -12);
  for (const c of CLIENTS) {
    const client = await createClient(ctx, c);
    await createBaa(compliance, { clientId: client.id, status: 'signed', effectiveOn: signed, counterpartySigner: 'Practice administrator (synthetic)', breachNoticeDays: 30 });
    clients.push(client);
  }
  const telephony = await createVendor(compliance, { name: 'Demo Telephony Co.', services: ['telephony', 'recording'], handlesPhi: true });
  await createBaa(compliance, { vendorId: telephony.id, status: 'signed', effectiveOn: signed, breachNoticeDays: 10 });
  // Everyone has done this year's training, but for one course that lapses soon for the agent.
  const courses = await listCourses(compliance);
  const train = async (userId: string, key: string) => {
    for (const course of courses) {
      const completedOn = key === 'agent' && course.key === 'verbal_phi' ? completedToLapseIn(today(), DEMO_LAPSING_DAYS, course.validityMonths) : addMonths(today(), -1);
      await recordCompletion(compliance, { userId, courseId: course.id, completedOn, evidence: 'Attested completion (demo)' });
    }
  };
  await train(org.userId, 'admin');
  const accounts: DemoAccount[] = [{ role: 'admin', email: 'admin@demo.ringfence.test', totpSecret: adminSecret, totpUri: totpUri(adminSecret, 'admin@demo.ringfence.test') }];
  for (const p of PEOPLE) {
    const email = `${p.key}@demo.ringfence.test`;
    const person = await createUser(ctx, { email, displayName: p.name, password: DEMO_PASSWORD, roles: p.roles.map(([role, i]) => ({ role, clientId: i === null ? null : clients[i]!.id })) });
    const secret = newTotpSecret();
    await unsafeEnrolKnownSecret(deps, org.orgId, person.id, secret);
    await train(person.id, p.key);
    accounts.push({ role: p.key, email, totpSecret: secret, totpUri: totpUri(secret, email) });
  }
  const clinic = unsafeSystemContext(database, keyring, org.orgId, 'supervisor');
  const DEMO_CALLBACKS = [
    ['refill', 'routine', 'Refill request, blood pressure medicine'],
    ['results', 'urgent', 'Asking about lab results'],
    ['appointment', 'routine', 'Wants to move next appointment'],
  ] as const;
  for (const [i, client] of clients.entries()) {
    const queue = await createQueue(clinic, { clientId: client.id, name: 'Callbacks' });
    for (const [j, p] of DEMO_PATIENTS.entries()) {
      const n = i * DEMO_PATIENTS.length + j;
      const { patient } = await createPatient(clinic, {
        clientId: client.id,
        name: p.name,
        dateOfBirth: p.dateOfBirth,
        phones: [{ number: `555-010-${String(1000 + n).slice(-4)}`, type: 'mobile' }],
        mrn: `DEMO-${String(n + 1).padStart(5, '0')}`,
      });
      const callback = DEMO_CALLBACKS[j % DEMO_CALLBACKS.length]!;
      await createTask(clinic, { clientId: client.id, queueId: queue.id, patientId: patient.id, reasonCode: callback[0], priority: callback[1], title: callback[2] });
    }
  }
  // Lakeside's nights and weekends are the demo provider's: the On call screen shows the week,
  // and its gaps until the provider verifies a contact point (My on-call) and a channel is set up.
  const provider = accounts.find((a) => a.role === 'provider')!;
  const providerId = (await ctx.db.selectFrom('users').select('id').where('email', '=', provider.email).executeTakeFirstOrThrow()).id;
  const shift = (rrule: string, start: string, end: string) => ({ id: randomUUID(), rrule, startDate: addDays(today(), -7), untilDate: null, start, end, primary: providerId, backups: [] });
  await saveSchedule(clinic, clients[0]!.id, {
    rotations: [{ id: randomUUID(), name: 'Nights and weekends', shifts: [shift('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '17:00', '08:00'), shift('FREQ=WEEKLY;BYDAY=SA,SU', '08:00', '08:00')] }],
    overrides: [],
  });
  await saveOnCallSettings(clinic, clients[0]!.id, { ...DEFAULT_ONCALL_SETTINGS, coverage: 'outside_business_hours' });
  writeFileSync(path.join(dataDir, CREDENTIALS_FILE), `${JSON.stringify({ password: DEMO_PASSWORD, accounts, seededAt: new Date().toISOString(), id: randomUUID() }, null, 2)}\n`, { mode: 0o600 });
  return accounts;
}

/** The demo accounts written at seeding, or null before the demo was seeded. */
export function readDemoAccounts(dataDir: string): DemoAccount[] | null {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { accounts: DemoAccount[] }).accounts;
}

/** Prints the demo sign-in details with each account's current authenticator code. */
export async function printDemoAccounts(accounts: DemoAccount[], out: (line: string) => void): Promise<void> {
  out(`Demo sign-in (synthetic data only). Password for every account: ${DEMO_PASSWORD}`);
  out('Add a secret to any authenticator app, or run `npm run demo -- codes` for the current codes.');
  for (const a of accounts) out(`  ${a.role.padEnd(11)} ${a.email.padEnd(34)} code now ${await generate({ secret: a.totpSecret })}   secret ${a.totpSecret}`);
}

/** True when the demo database has no organization yet. */
export { isSetupNeeded as demoNeedsSeeding };
