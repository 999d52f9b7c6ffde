import { randomInt, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { encryptPatientFields, indexEntries, newPatientRow, type PatientFields } from '../../src/modules/patients/patient-fields.ts';
import { newPatientRef } from '../../src/modules/patients/normalize.ts';
import type { TenantInsert } from '../../src/platform/db/tenant-db.ts';
import { assignBenchRole, benchSession, createBenchClient, createBenchOrg, listen, type BenchApp, type Benchmark } from '../harness.ts';
import { LatencyRecorder, round } from '../stats.ts';

const DEFAULT_PATIENTS = 100_000;
/** Phone numbers are +1 555 0 and six digits, two per patient at most. */
const MAX_PATIENTS = 500_000;
/**
 * Patients per transaction, each table filled by one multi-row insert: 200 patients rows are
 * 4,200 bound parameters (21 columns), their at most 1,000 patient_index rows 5,000, far below
 * SQLite's 32,766 a statement and PostgreSQL's 65,535.
 */
const BATCH = 200;
const CONNECTIONS = 10;
/** Distinct request bodies the load rotates through. */
const BODY_POOL = 1000;
/** Sequential lookups per kind for the figures. */
const SAMPLES = 200;

const GIVEN = ['Avery', 'Blake', 'Casey', 'Devon', 'Emery', 'Finley', 'Harper', 'Jordan', 'Kendall', 'Logan', 'Morgan', 'Parker', 'Quinn', 'Reese', 'Riley', 'Rowan', 'Sawyer', 'Skyler', 'Taylor', 'Zion'];
const FAMILY = ['Abbott', 'Baxter', 'Calloway', 'Dunmore', 'Ellery', 'Fairbanks', 'Garrison', 'Holloway', 'Ingram', 'Jessup', 'Kimball', 'Lockhart', 'Merriweather', 'Northcott', 'Oakley', 'Pembrook', 'Quimby', 'Radcliffe', 'Stanhope', 'Thackeray'];
const FIRST_BIRTH_DAY = Date.UTC(1930, 0, 1);
const BIRTH_DAYS = 32_000; // up to 2017

function patientCount(): number {
  const raw = process.env.RINGFENCE_BENCH_PATIENTS;
  if (raw === undefined || raw === '') return DEFAULT_PATIENTS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PATIENTS) throw new Error(`RINGFENCE_BENCH_PATIENTS must be a whole number from 1 to ${MAX_PATIENTS} (got "${raw}")`);
  return n;
}

/** A fixed scramble of the patient number, so dates of birth are spread but the same on every run. */
function scramble(i: number): number {
  let x = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The six digits after +1 555 0 of phone `k` (0 or 1) of patient `i`: unique across the directory. */
function phoneDigits(i: number, k: number): string {
  return String(2 * i + k).padStart(6, '0');
}

/** Patient `i` of the synthetic directory: every third has a second phone. */
function syntheticPatient(i: number): Pick<PatientFields, 'name' | 'phones' | 'dateOfBirth' | 'mrn'> {
  const phones: PatientFields['phones'] = [{ number: `+15550${phoneDigits(i, 0)}`, type: 'mobile' }];
  if (i % 3 === 0) phones.push({ number: `+15550${phoneDigits(i, 1)}`, type: 'home' });
  return {
    name: { given: GIVEN[i % GIVEN.length]!, family: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]! },
    phones,
    dateOfBirth: new Date(FIRST_BIRTH_DAY + (scramble(i) % BIRTH_DAYS) * 86_400_000).toISOString().slice(0, 10),
    mrn: `BENCH-${i + 1}`,
  };
}

/** The first phone of patient `i` as a caller would say it: (555) 012-3456. */
function spokenPhone(i: number): string {
  const d = phoneDigits(i, 0);
  return `(555) 0${d.slice(0, 2)}-${d.slice(2)}`;
}

/**
 * Fills one client's directory the way createPatient stores a patient (fields encrypted under
 * the client's data key, a reference never issued before, blind-index digests), in batches
 * of multi-row inserts, one transaction each. Returns the patients' ids in order.
 */
async function seedPatients(bench: BenchApp, orgId: string, clientId: string, createdBy: string, count: number): Promise<string[]> {
  const keyring = bench.app.platform.keyring;
  const digest = await keyring.blindIndexer(bench.tenant(orgId), clientId);
  const ids: string[] = [];
  const refs = new Set<string>();
  const start = Date.now() - count; // one millisecond apart, oldest first, as if added over time
  for (let first = 0; first < count; first += BATCH) {
    const last = Math.min(count, first + BATCH);
    await bench.tenant(orgId).transaction(async (tx) => {
      const patients: TenantInsert<'patients'>[] = [];
      const issued: TenantInsert<'patient_refs'>[] = [];
      const index: TenantInsert<'patient_index'>[] = [];
      for (let i = first; i < last; i += 1) {
        const id = randomUUID();
        let ref = newPatientRef();
        // 30^6 references per client: among 100,000 a few would repeat.
        while (refs.has(ref)) ref = newPatientRef();
        refs.add(ref);
        const fields = syntheticPatient(i);
        const at = new Date(start + i).toISOString();
        const encrypted = await encryptPatientFields(keyring, tx, clientId, id, fields);
        issued.push({ client_id: clientId, ref, issued_at: at });
        patients.push(newPatientRow({ id, clientId, ref, source: 'manual', createdBy, at }, encrypted));
        for (const e of indexEntries(fields)) index.push({ client_id: clientId, patient_id: id, kind: e.kind, digest: digest(e.kind, e.value) });
        ids.push(id);
      }
      await tx.insertInto('patient_refs', issued).execute();
      await tx.insertInto('patients', patients).execute();
      await tx.insertInto('patient_index', index).execute();
    });
  }
  return ids;
}

interface SearchAnswer {
  items: { id: string; match: 'exact' | 'partial' }[];
}

/**
 * Finding the caller's record in a large directory: a client with 100,000 patients (override
 * with RINGFENCE_BENCH_PATIENTS), looked up by phone over HTTP as an agent assigned to it.
 * Each lookup computes blind-index digests and reads the index; nothing is decrypted.
 */
export const patientLookup: Benchmark = {
  name: 'patient.lookup',
  description: `POST /api/patients/search by phone in ${DEFAULT_PATIENTS.toLocaleString('en-US')} patients as an agent, ${CONNECTIONS} connections (autocannon); name+DOB and MRN as figures`,
  async run(env) {
    const count = patientCount();
    const bench = await env.startApp();
    const org = await createBenchOrg(bench, 1);
    const agentId = org.userIds[1]!;
    const clientId = await createBenchClient(bench, org.orgId);
    await assignBenchRole(bench, org.orgId, agentId, 'agent', clientId);

    const seedStarted = performance.now();
    const ids = await seedPatients(bench, org.orgId, clientId, agentId, count);
    // PostgreSQL's autovacuum refreshes planner statistics after a load like this one; a server
    // that runs without it would plan every lookup for empty tables. Ringfence never gathers
    // statistics on SQLite, so there the lookups meet the planner as a deployment would.
    if (env.engine === 'postgres') await sql`analyze patients, patient_refs, patient_index`.execute(bench.database.unsafeKysely);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const session = await benchSession(bench, org.orgId, agentId);
    const url = `${await listen(bench.app)}/api/patients/search`;
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
    const search = async (body: Record<string, string>): Promise<SearchAnswer> => {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ clientId, ...body }) });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`POST /api/patients/search answered ${res.status}: ${text}`);
      return JSON.parse(text) as SearchAnswer;
    };
    const expectOne = (answer: SearchAnswer, i: number, by: string): void => {
      if (answer.items.length !== 1 || answer.items[0]!.id !== ids[i]) {
        throw new Error(`the lookup by ${by} of patient ${i + 1} found ${answer.items.length} patients, not exactly that one`);
      }
    };

    // One request first, so a broken setup fails with its answer rather than as a count of non-2xx.
    const probe = randomInt(count);
    expectOne(await search({ phone: spokenPhone(probe) }), probe, 'phone');

    // The load comes from a worker thread: on the main thread it would take turns with the server it measures.
    const requests = Array.from({ length: BODY_POOL }, () => ({ body: JSON.stringify({ clientId, phone: spokenPhone(randomInt(count)) }) }));
    const options = { url, method: 'POST', connections: CONNECTIONS, workers: 1, headers, requests };
    if (env.settings.warmupMs > 0) await autocannon({ ...options, duration: env.settings.warmupMs / 1000 });
    const result = await autocannon({ ...options, duration: env.settings.durationMs / 1000 });
    const failed = result.non2xx + result.errors;

    // The three kinds of lookup one at a time, each answer checked.
    const sequential = async (lookup: (i: number) => Promise<void>): Promise<LatencyRecorder> => {
      const recorder = new LatencyRecorder();
      for (let s = 0; s < SAMPLES; s += 1) {
        const i = randomInt(count);
        const started = performance.now();
        await lookup(i);
        recorder.record(performance.now() - started);
      }
      return recorder;
    };
    const phone = await sequential(async (i) => expectOne(await search({ phone: spokenPhone(i) }), i, 'phone'));
    const nameDob = await sequential(async (i) => {
      const { name, dateOfBirth } = syntheticPatient(i);
      // Other patients may share the name and date of birth; this one must be among the exact matches.
      const answer = await search({ family: name.family.toUpperCase(), given: name.given.toLowerCase(), dateOfBirth });
      if (!answer.items.some((p) => p.id === ids[i] && p.match === 'exact')) throw new Error(`the lookup by name and date of birth of patient ${i + 1} did not find it`);
    });
    const mrn = await sequential(async (i) => expectOne(await search({ mrn: `bench ${i + 1}` }), i, 'MRN'));
    const [p, n, m] = [phone.summary(), nameDob.summary(), mrn.summary()];

    return {
      ops_per_s: result.requests.average,
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      figures: {
        patients: count,
        seed_s: round(seedSeconds, 1),
        seed_patients_per_s: round(count / seedSeconds, 0),
        connections: CONNECTIONS,
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
        phone_seq_p50_ms: round(p.p50),
        phone_seq_p99_ms: round(p.p99),
        name_dob_p50_ms: round(n.p50),
        name_dob_p99_ms: round(n.p99),
        mrn_p50_ms: round(m.p50),
        mrn_p99_ms: round(m.p99),
      },
      ...(failed > 0 ? { failure: `${result.non2xx} non-2xx answers and ${result.errors} connection errors` } : {}),
    };
  },
};
