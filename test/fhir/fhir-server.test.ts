import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startFhirServer } from './start.ts';

const MRN_SYSTEM = 'urn:oid:2.16.840.1.113883.3.9999.1';

/** GETs `[base]/path` with query parameters (URL-encoded, so `+` and `|` survive) and returns status and JSON body. */
async function get(baseUrl: string, path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const url = `${baseUrl}/${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/fhir+json', ...headers } });
  return { status: res.status, body: (await res.json()) as any };
}

/** Runs a Patient search and returns the ids of the matches, checking the searchset Bundle's shape on the way. */
async function searchIds(baseUrl: string, query: Record<string, string>): Promise<string[]> {
  const { status, body } = await get(baseUrl, 'Patient', query);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.resourceType, 'Bundle');
  assert.equal(body.type, 'searchset');
  const entries: any[] = body.entry ?? [];
  assert.equal(body.total, entries.length);
  for (const entry of entries) assert.equal(entry.fullUrl, `${baseUrl}/Patient/${entry.resource.id}`);
  return entries.map((entry) => entry.resource.id as string);
}

test('FHIR test server answers Patient searches and reads like a FHIR R4 server', async (t) => {
  const fhir = await startFhirServer({}, t);
  assert.match(fhir.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/4_0_0$/);

  await t.test('metadata is a capability statement listing the Patient searches', async () => {
    const { status, body } = await get(fhir.baseUrl, 'metadata');
    assert.equal(status, 200);
    assert.equal(body.resourceType, 'CapabilityStatement');
    const patient = body.rest[0].resource.find((r: any) => r.type === 'Patient');
    const names = patient.searchParam.map((p: any) => p.name);
    for (const name of ['_id', 'identifier', 'phone', 'telecom', 'name', 'family', 'given', 'birthdate']) assert.ok(names.includes(name), name);
  });

  await t.test('identifier: system|value finds exactly one; value match is case-sensitive; |value matches only identifiers without a system', async () => {
    assert.deepEqual(await searchIds(fhir.baseUrl, { identifier: `${MRN_SYSTEM}|TEST-MRN-0003` }), ['synth-0003']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { identifier: 'TEST-MRN-0003' }), ['synth-0003']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { identifier: `${MRN_SYSTEM}|test-mrn-0003` }), []);
    assert.deepEqual(await searchIds(fhir.baseUrl, { identifier: '|TEST-MRN-0003' }), []);
    assert.deepEqual(await searchIds(fhir.baseUrl, { identifier: `urn:oid:2.16.840.1.113883.3.9999.2|TEST-MRN-0003` }), []);
  });

  await t.test('phone: E.164 and other formats find the same patient, whichever format is stored', async () => {
    // Stored as +15550100123.
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: '+15550100123' }), ['synth-0001']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: '(555) 010-0123' }), ['synth-0001']);
    // Stored as "(555) 010-0145".
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: '(555) 010-0145' }), ['synth-0002']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: '+15550100145' }), ['synth-0002']);
    // One patient with two phones, the second stored as 555-010-0151.
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: '+15550100150' }), ['synth-0006']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: '+15550100151' }), ['synth-0006']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: '+15550100000' }), []);
    // An email address is a telecom but not a phone.
    assert.deepEqual(await searchIds(fhir.baseUrl, { phone: 'seun.adeyemi@example.test' }), []);
    assert.deepEqual(await searchIds(fhir.baseUrl, { telecom: 'seun.adeyemi@example.test' }), ['synth-0004']);
  });

  await t.test('name: starts-with, ignoring case and accents', async () => {
    assert.deepEqual(await searchIds(fhir.baseUrl, { name: 'garcia' }), ['synth-0001']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { name: 'nguyen' }), ['synth-0002', 'synth-0003']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { 'name:exact': 'Nguyen' }), ['synth-0002']);
  });

  await t.test('family + shared birthdate finds both; name + birthdate narrows to one', async () => {
    assert.deepEqual(await searchIds(fhir.baseUrl, { family: 'Adeyemi', birthdate: '2001-11-23' }), ['synth-0004', 'synth-0005']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { name: 'adebayo', birthdate: 'eq2001-11-23' }), ['synth-0005']);
    assert.deepEqual(await searchIds(fhir.baseUrl, { family: 'Adeyemi', birthdate: '2001-11-24' }), []);
  });

  await t.test('read: a known id returns the Patient, an unknown one 404 with an OperationOutcome', async () => {
    const known = await get(fhir.baseUrl, 'Patient/synth-0007');
    assert.equal(known.status, 200);
    assert.equal(known.body.resourceType, 'Patient');
    assert.equal(known.body.name[0].family, 'Zhang');
    const unknown = await get(fhir.baseUrl, 'Patient/synth-9999');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.resourceType, 'OperationOutcome');
  });

  await t.test('an unsupported search parameter is refused, not ignored', async () => {
    const { status, body } = await get(fhir.baseUrl, 'Patient', { gender: 'female' });
    assert.equal(status, 400);
    assert.equal(body.resourceType, 'OperationOutcome');
  });
});

test('FHIR test server with a bearer token refuses requests without it', async (t) => {
  const fhir = await startFhirServer({ bearerToken: 'test-token-not-a-secret' }, t);
  const query = { identifier: `${MRN_SYSTEM}|TEST-MRN-0001` };
  assert.equal((await get(fhir.baseUrl, 'Patient', query)).status, 401);
  assert.equal((await get(fhir.baseUrl, 'metadata')).status, 401);
  assert.equal((await get(fhir.baseUrl, 'Patient', query, { authorization: 'Bearer wrong-token' })).status, 401);
  const ok = await get(fhir.baseUrl, 'Patient', query, { authorization: 'Bearer test-token-not-a-secret' });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.total, 1);
});
