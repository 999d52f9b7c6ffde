import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { dueAt, withinBusinessHours, type SlaPolicy } from './sla.ts';

const WEEKDAYS: SlaPolicy = { minutes: { emergent: 5, urgent: 15 }, businessHours: { days: [1, 2, 3, 4, 5], open: '08:00', close: '17:00' } };
const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu', 'UTC'];

test('SLA examples: urgent 15 minutes around the clock; routine by the close of the business day, in the client’s zone', () => {
  const ny = 'America/New_York';
  // Tuesday 10:00 in New York is 14:00 UTC (daylight time).
  assert.equal(dueAt('2026-06-02T14:00:00.000Z', 'urgent', WEEKDAYS, ny), '2026-06-02T14:15:00.000Z');
  assert.equal(dueAt('2026-06-02T14:00:00.000Z', 'emergent', WEEKDAYS, ny), '2026-06-02T14:05:00.000Z');
  assert.equal(dueAt('2026-06-02T14:00:00.000Z', 'routine', WEEKDAYS, ny), '2026-06-02T21:00:00.000Z');
  // Tuesday 18:00 local: after closing, due Wednesday 17:00.
  assert.equal(dueAt('2026-06-02T22:00:00.000Z', 'routine', WEEKDAYS, ny), '2026-06-03T21:00:00.000Z');
  // Friday 17:30 local: due Monday 17:00.
  assert.equal(dueAt('2026-06-05T21:30:00.000Z', 'routine', WEEKDAYS, ny), '2026-06-08T21:00:00.000Z');
  // Saturday night in Los Angeles, urgent: still 15 minutes.
  assert.equal(dueAt('2026-06-07T05:00:00.000Z', 'urgent', WEEKDAYS, 'America/Los_Angeles'), '2026-06-07T05:15:00.000Z');
  // Before opening counts for the same day: Monday 06:00 Chicago → Monday 17:00 Chicago.
  assert.equal(dueAt('2026-06-08T11:00:00.000Z', 'routine', WEEKDAYS, 'America/Chicago'), '2026-06-08T22:00:00.000Z');
  // Across the spring daylight-saving change: Friday 6 March 2026 18:00 EST → Monday 9 March 17:00 EDT.
  assert.equal(dueAt('2026-03-06T23:00:00.000Z', 'routine', WEEKDAYS, ny), '2026-03-09T21:00:00.000Z');
});

const instant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const hours = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 30))
  .map(([days, open, length, minute]) => ({
    days,
    open: `${String(open).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    close: `${String(Math.min(23, open + length)).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  }));

test('property: a routine callback is due at a closing time on a business day, after intake, within a week, and at the first such closing', () => {
  fc.assert(
    fc.property(instant, hours, fc.constantFrom(...ZONES), (received, businessHours, zone) => {
      const policy = { ...WEEKDAYS, businessHours };
      const due = DateTime.fromISO(dueAt(received, 'routine', policy, zone), { zone });
      const start = DateTime.fromISO(received, { zone });
      assert.ok(due > start, 'due after intake');
      assert.ok(due.diff(start, 'days').days <= 8, 'within a week');
      assert.ok(businessHours.days.includes(due.weekday), 'on a business day');
      assert.equal(due.toFormat('HH:mm'), businessHours.close, 'at closing time');
      // No earlier closing time fits: the day before the due day either is not a business day,
      // or its closing was at or before intake.
      const dayBefore = due.minus({ days: 1 });
      const closeBefore = dayBefore.set({ hour: Number(businessHours.close.slice(0, 2)), minute: Number(businessHours.close.slice(3)) });
      assert.ok(!businessHours.days.includes(dayBefore.weekday) || closeBefore <= start || due.diff(start, 'days').days < 1);
    }),
    { numRuns: 300 },
  );
});

test('property: emergent and urgent callbacks are due their minutes later whatever the day, hour or zone', () => {
  fc.assert(
    fc.property(instant, fc.constantFrom('emergent' as const, 'urgent' as const), fc.integer({ min: 1, max: 240 }), fc.constantFrom(...ZONES), (received, priority, minutes, zone) => {
      const policy = { ...WEEKDAYS, minutes: { emergent: minutes, urgent: minutes } };
      assert.equal(Date.parse(dueAt(received, priority, policy, zone)) - Date.parse(received), minutes * 60_000);
    }),
  );
});

test('property: a routine callback received inside business hours is due the same local day', () => {
  fc.assert(
    fc.property(instant, fc.constantFrom(...ZONES), (received, zone) => {
      fc.pre(withinBusinessHours(received, WEEKDAYS.businessHours, zone));
      const due = DateTime.fromISO(dueAt(received, 'routine', WEEKDAYS, zone), { zone });
      assert.equal(due.toISODate(), DateTime.fromISO(received, { zone }).toISODate());
    }),
    { numRuns: 200 },
  );
});
