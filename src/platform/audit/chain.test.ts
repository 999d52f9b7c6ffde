import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import canonicalizeModule from 'canonicalize';
import fc from 'fast-check';
import type { AuditEventRow } from './audit.tables.ts';
import { GENESIS_HASH, canonicalEvent, linkHash } from './chain.ts';

const canonicalize = ((canonicalizeModule as unknown as { default?: typeof canonicalizeModule }).default ?? canonicalizeModule) as unknown as (input: unknown) => string;

/** The link hash exactly as chains were first sealed: `canonicalize` (RFC 8785) over the record, then SHA-256. */
function referenceLinkHash(prevHash: string, position: number, event: AuditEventRow): string {
  const record = {
    id: Number(event.id),
    org_id: event.org_id,
    txid: event.txid === null ? null : Number(event.txid),
    occurred_at: event.occurred_at,
    action: event.action,
    outcome: event.outcome,
    actor_type: event.actor_type,
    actor_id: event.actor_id,
    resource_type: event.resource_type,
    resource_id: event.resource_id,
    client_id: event.client_id,
    patient_ref: event.patient_ref,
    fields: event.fields,
    purpose: event.purpose,
    ip: event.ip,
    request_id: event.request_id,
    details: event.details,
  };
  return createHash('sha256').update(`${prevHash}\n${position}\n${canonicalize(record)}`).digest('hex');
}

/** What JSON escapes or a naive serializer gets wrong: quotes, backslashes, controls, lone surrogates, line separators, astral characters. */
const awkward = fc.constantFrom('"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '\ud800', '\udfff', '\ud83d\ude00', 'é', 'e\u0301', '\ufeff', '{"a":1}', 'null');
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const text = fc.string({ unit: fc.oneof({ arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 4 }, { arbitrary: awkward, weight: 2 }, { arbitrary: loneSurrogate, weight: 1 }), maxLength: 40 });
const maybeText = fc.option(text, { nil: null, freq: 3 });
/** Ids as the drivers return them: integers, including beyond 2^53 and the exponent form JSON uses from 1e21. */
const integer = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.constantFrom(0, -0, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e21, 123456789012345680000, -(2 ** 60)));

const event = fc.record<AuditEventRow>({
  id: integer,
  org_id: text,
  txid: fc.option(integer, { nil: null }),
  occurred_at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
  action: text,
  outcome: fc.constantFrom('success', 'failure') as fc.Arbitrary<'success' | 'failure'>,
  actor_type: fc.constantFrom('user', 'token', 'system') as fc.Arbitrary<'user' | 'token' | 'system'>,
  actor_id: maybeText,
  resource_type: maybeText,
  resource_id: maybeText,
  client_id: maybeText,
  patient_ref: maybeText,
  fields: fc.option(fc.array(text).map((a) => JSON.stringify(a)), { nil: null }),
  purpose: maybeText,
  ip: maybeText,
  request_id: maybeText,
  details: fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), maybeText),
});

test('the canonical event equals RFC 8785 (canonicalize) and the link hash is byte-identical, over generated events', () => {
  fc.assert(
    fc.property(event, fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), text), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (e, prev, position) => {
      const { id, txid, ...rest } = e;
      assert.equal(canonicalEvent(e), canonicalize({ ...rest, id: Number(id), txid: txid === null ? null : Number(txid) }));
      assert.equal(linkHash(prev, position, e), referenceLinkHash(prev, position, e));
    }),
    { numRuns: 20_000 },
  );
});

test('values no database column returns (blobs, numbers in text columns, missing columns, NaN ids) serialize, or fail, as canonicalize does', () => {
  const base: AuditEventRow = {
    id: 7,
    org_id: 'org',
    txid: null,
    occurred_at: '2026-01-01T00:00:00.000Z',
    action: 'phi.read',
    outcome: 'success',
    actor_type: 'system',
    actor_id: null,
    resource_type: null,
    resource_id: null,
    client_id: null,
    patient_ref: null,
    fields: null,
    purpose: null,
    ip: null,
    request_id: null,
    details: '{}',
  };
  const odd: Record<string, unknown>[] = [
    { details: Buffer.from('{"b":1,"a":2}') },
    { details: { b: 1, a: [{ d: 1, c: 2 }] } },
    { fields: 42 },
    { purpose: true },
    { ip: undefined },
    { occurred_at: new Date('2026-01-01T00:00:00Z') },
    { id: '12' },
    { id: 12n },
    { txid: '99' },
    { id: Number.NaN },
    { txid: undefined },
    { id: Number.POSITIVE_INFINITY },
  ];
  for (const change of odd) {
    const e = { ...base, ...change } as unknown as AuditEventRow;
    let expected: string | Error;
    try {
      expected = referenceLinkHash(GENESIS_HASH, 3, e);
    } catch (err) {
      expected = err as Error;
    }
    if (expected instanceof Error) assert.throws(() => linkHash(GENESIS_HASH, 3, e), { message: expected.message }, JSON.stringify(Object.keys(change)));
    else assert.equal(linkHash(GENESIS_HASH, 3, e), expected, Object.keys(change).join());
  }
});

test('a link sealed before the fast serialization still verifies: a fixed example', () => {
  const e: AuditEventRow = {
    id: 1042,
    org_id: '6f1b9a52-5d3e-4c1a-9c55-0b8f9b3f2a11',
    txid: 778_812,
    occurred_at: '2026-02-03T04:05:06.789Z',
    action: 'phi_guard.refused',
    outcome: 'failure',
    actor_type: 'user',
    actor_id: 'a1d3c6f0-8f1e-4d4a-b3a9-2f3d2b8c9e10',
    resource_type: 'Task',
    resource_id: null,
    client_id: 'c0ffee00-1234-4abc-8def-000000000001',
    patient_ref: null,
    fields: '["title"]',
    purpose: null,
    ip: '203.0.113.7',
    request_id: 'req-7\u2028"q"',
    details: '{"route":"/api/tasks","spans":[{"field":"title","type":"NAME","start":9,"end":25}],"note":"Zürich\\t\\u0001"}',
  };
  // Computed with the sealer's first linkHash (canonicalize and createHash), before the fast path.
  assert.equal(linkHash(GENESIS_HASH, 1, e), '27416346b5931cfbe26255610f9043d63b89be63cac74739cbe4ac6ea4b3902f');
});
