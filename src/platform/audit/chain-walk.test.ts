import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AuditEventRow } from './audit.tables.ts';
import { GENESIS_HASH, linkHash } from './chain.ts';
import { RangeWalk, joinRanges, pgTimestampToIso, type SealKey, type WalkRow } from './chain-walk.ts';

test('the timestamptz shortcut gives what the app parser gives, for what PostgreSQL prints in a UTC session', () => {
  const pgText = (ms: number, micros: number) => {
    const iso = new Date(ms).toISOString();
    const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '');
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}+00`;
  };
  const instant = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
  fc.assert(
    fc.property(instant, fc.integer({ min: 0, max: 999 }), (ms, micros) => {
      const text = pgText(ms, micros);
      assert.equal(pgTimestampToIso(text), new Date(text).toISOString(), text);
    }),
    { numRuns: 20_000 },
  );
  // Other forms go to the parse itself: an offset, a short year (which the parse reads its own way), BC, five digits.
  for (const text of ['2026-03-01 07:34:56.789-05', '2026-03-01 12:34:56+05:30', '0099-01-01 00:00:00+00', '0999-06-01 00:00:00.5+00', '12345-01-01 00:00:00+00']) {
    assert.equal(pgTimestampToIso(text), new Date(text).toISOString(), text);
  }
  assert.throws(() => pgTimestampToIso('0044-03-15 00:00:00+00 BC'), RangeError);
  assert.throws(() => pgTimestampToIso('infinity'), RangeError);
});

const ORG = '6f1b9a52-5d3e-4c1a-9c55-0b8f9b3f2a11';

/** A sealed chain of `n` links as the walk reads it, events in sealing order unless `disorder` moves one event's key. */
function chain(n: number, disorder: { at: number; to: number } | null = null): WalkRow[] {
  const rows: WalkRow[] = [];
  let prev = GENESIS_HASH;
  for (let position = 1; position <= n; position += 1) {
    const k = disorder && position === (disorder.at % n) + 1 ? disorder.to : position;
    const event: AuditEventRow = {
      id: 100 + k * 3,
      org_id: ORG,
      txid: 5000 + Math.floor(k / 4),
      occurred_at: new Date(Date.UTC(2026, 0, 1) + position * 1000).toISOString(),
      action: position % 2 ? 'phi.read' : 'task.created',
      outcome: 'success',
      actor_type: 'user',
      actor_id: `user-${position % 5}`,
      resource_type: 'Patient',
      resource_id: `p-${position}`,
      client_id: null,
      patient_ref: null,
      fields: '["name"]',
      purpose: null,
      ip: '10.0.0.1',
      request_id: null,
      details: '{}',
    };
    const hash = linkHash(prev, position, event);
    rows.push({ ...event, link_event_id: event.id, position, prev_hash: prev, hash, finer_than_written: false });
    prev = hash;
  }
  return rows;
}

type Edit = (rows: WalkRow[]) => WalkRow[];

/** Tamperings as the walk would see them: an edited event, a removed one, a missing, moved or forged link, events out of order. */
const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((i): Edit => (rows) => rows.map((r, k) => (k === i % rows.length ? { ...r, details: '{"edited":true}' } : r))),
  fc.nat().map((i): Edit => (rows) => rows.map((r, k) => (k === i % rows.length ? { ...r, finer_than_written: true } : r))),
  fc.nat().map(
    (i): Edit => (rows) =>
      rows.map((r, k) =>
        k === i % rows.length ? { ...r, id: null as unknown as number, org_id: null as unknown as string, txid: null, occurred_at: null as unknown as string, action: null as unknown as string } : r,
      ),
  ),
  fc.nat().map((i): Edit => (rows) => rows.filter((_, k) => k !== i % rows.length)),
  fc.nat().map((i): Edit => (rows) => rows.map((r, k) => (k === i % rows.length ? { ...r, prev_hash: r.prev_hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) } : r))),
  fc.nat().map((i): Edit => (rows) => rows.map((r, k) => (k === i % rows.length ? { ...r, hash: r.hash.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')) } : r))),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, j]): Edit =>
      (rows) => {
        const a = i % rows.length;
        const b = j % rows.length;
        const out = [...rows];
        [out[a], out[b]] = [{ ...rows[b]!, position: rows[a]!.position }, { ...rows[a]!, position: rows[b]!.position }];
        return out;
      },
  ),
  fc.nat().map((i): Edit => (rows) => rows.map((r, k) => (k === i % rows.length ? { ...r, txid: 1, id: 1 } : r))),
  fc.constant<Edit>((rows) => rows),
);

test('a chain walked in ranges and joined answers exactly as one walk, for any split and any tampering', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60 }),
      fc.array(edits, { maxLength: 2 }),
      fc.array(fc.integer({ min: -5, max: 70 }), { maxLength: 4 }),
      fc.integer({ min: 0, max: 60 }),
      // A chain sealed out of order (an older sealer, an event's key moved before sealing): links verify, the order does not hold.
      fc.option(fc.record({ at: fc.nat(), to: fc.integer({ min: -3, max: 64 }) }), { freq: 3 }),
      (n, changes, cuts, cursorAt, disorder) => {
        // As the walk query returns them: in position order.
        const rows = changes.reduce((r, edit) => (r.length === 0 ? r : edit(r)), chain(n, disorder)).sort((a, b) => a.position - b.position);
        const cursor: SealKey = { txid: 5000 + Math.floor(cursorAt / 4), id: 100 + cursorAt * 3 };
        const walkAll = (from: number, part: WalkRow[]) => {
          const walk = new RangeWalk(from, 'postgres', cursor);
          for (const row of part) if (!walk.add(row)) break;
          return walk.result();
        };
        const whole = joinRanges([walkAll(1, rows)], 1, GENESIS_HASH);
        // Ranges by position, as the walkers' queries cut them: [1, c1), [c1, c2), …, [ck, ∞).
        const bounds = [1, ...[...new Set(cuts.filter((c) => c > 1))].sort((a, b) => a - b)];
        const reports = bounds.map((from, i) => {
          const to = bounds[i + 1] ?? Number.POSITIVE_INFINITY;
          return walkAll(
            from,
            rows.filter((r) => r.position >= from && r.position < to),
          );
        });
        // What verify.ts reads: the problem and the links verified; the last hash, order and count only of a sound walk.
        const seen = (j: ReturnType<typeof joinRanges>) => ({
          sealed: j.sealed,
          problem: j.problem,
          prev: j.problem ? null : j.prev,
          ordered: j.problem ? null : j.ordered,
          linkedPassed: j.problem || !j.ordered ? null : j.linkedPassed,
        });
        assert.deepEqual(seen(joinRanges(reports, 1, GENESIS_HASH)), seen(whole));
      },
    ),
    { numRuns: 5_000 },
  );
});

test('an untouched chain verifies in ranges, its events in order, counting those the cursor has passed', () => {
  const rows = chain(40);
  const cursor: SealKey = { txid: rows[24]!.txid!, id: rows[24]!.id };
  const reports = [1, 11, 31].map((from, i, all) => {
    const walk = new RangeWalk(from, 'postgres', cursor);
    for (const row of rows.filter((r) => r.position >= from && r.position < (all[i + 1] ?? Infinity))) assert.equal(walk.add(row), true);
    return walk.result();
  });
  assert.deepEqual(joinRanges(reports, 1, GENESIS_HASH), { sealed: 40, prev: rows[39]!.hash, problem: null, ordered: true, linkedPassed: 25 });
});
