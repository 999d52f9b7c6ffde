import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatDay, formatMoment, formatWhen, instantToZoned, zoneName, zonedToInstant } from '../web/src/client-time.ts';

test('client time: a due time reads in the client’s zone with the zone named', () => {
  assert.equal(formatWhen('2025-12-02T23:00:00.000Z', 'America/Chicago'), 'Dec 2, 5:00 PM CST');
  assert.equal(formatWhen('2026-06-02T22:00:00.000Z', 'America/Chicago'), 'Jun 2, 5:00 PM CDT');
  assert.equal(formatMoment('2025-12-02T23:00:07.000Z', 'America/Chicago'), 'Dec 2, 5:00:07 PM CST', 'a page step to the second');
  assert.equal(formatWhen('2026-06-03T03:00:00.000Z', 'Pacific/Honolulu'), 'Jun 2, 5:00 PM HST');
  assert.equal(zoneName('America/New_York', new Date('2026-01-15T12:00:00Z')), 'EST');
  // A day (an "added on" date) is the day in that zone: 03:00 UTC is still the evening before in Chicago.
  assert.equal(formatDay('2026-12-03T03:00:00.000Z', 'America/Chicago'), 'Dec 2, 2026');
  assert.equal(formatDay('2026-12-03T03:00:00.000Z', 'UTC'), 'Dec 3, 2026');
});

test('client time: a local time typed for a client is that time on the client’s clock, across daylight-saving changes', () => {
  assert.equal(zonedToInstant('2025-12-02T09:00', 'America/Chicago'), '2025-12-02T15:00:00.000Z');
  assert.equal(zonedToInstant('2026-06-02T09:00', 'America/Chicago'), '2026-06-02T14:00:00.000Z');
  assert.equal(zonedToInstant('2026-06-02T09:00', 'Pacific/Honolulu'), '2026-06-02T19:00:00.000Z');
  // 8 March 2026, the spring change in the US: 01:30 is still standard time, 03:30 daylight time.
  assert.equal(zonedToInstant('2026-03-08T01:30', 'America/New_York'), '2026-03-08T06:30:00.000Z');
  assert.equal(zonedToInstant('2026-03-08T03:30', 'America/New_York'), '2026-03-08T07:30:00.000Z');
  // 2:30 does not exist that night: the hour after it.
  assert.equal(zonedToInstant('2026-03-08T02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z');
  assert.equal(zonedToInstant('2026-03-08', 'America/New_York'), null);
  // 1 November 2026, the autumn change: 01:30 happens twice; the first (daylight time) is meant.
  assert.equal(zonedToInstant('2026-11-01T01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z');
  assert.equal(instantToZoned('2025-12-02T15:00:00.000Z', 'America/Chicago'), '2025-12-02T09:00');
});

test('property: the instant of a local time shows that local time again, in every zone, and is the same instant outside the autumn’s repeated hour', () => {
  const zones = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'UTC', 'Asia/Kolkata'];
  fc.assert(
    fc.property(fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...zones), (date, zone) => {
      const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();
      const local = instantToZoned(minute, zone);
      const back = zonedToInstant(local, zone)!;
      assert.equal(instantToZoned(back, zone), local);
      assert.ok(back === minute || Date.parse(minute) - Date.parse(back) === 3_600_000, 'the earlier of a repeated hour');
    }),
    { numRuns: 500 },
  );
});
