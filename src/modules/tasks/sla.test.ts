import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { dueAt, scheduleCallback, windowProblem, withinBusinessHours, type SlaPolicy } from './sla.ts';

const WEEKDAYS: SlaPolicy = { minutes: { emergent: 5, urgent: 15 }, businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' })) };
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

test('SLA per weekday: a short Friday and a Saturday morning each close at their own time', () => {
  const ny = 'America/New_York';
  const week: SlaPolicy = { ...WEEKDAYS, businessHours: [...WEEKDAYS.businessHours.slice(0, 4), { day: 5, open: '08:00', close: '12:00' }, { day: 6, open: '09:00', close: '11:30' }] };
  // Friday 5 June 2026 10:00 local → Friday 12:00 local (16:00 UTC).
  assert.equal(dueAt('2026-06-05T14:00:00.000Z', 'routine', week, ny), '2026-06-05T16:00:00.000Z');
  // Friday 13:00 local, after the short day's close → Saturday 11:30 local.
  assert.equal(dueAt('2026-06-05T17:00:00.000Z', 'routine', week, ny), '2026-06-06T15:30:00.000Z');
  // Saturday 12:00 local, after Saturday's close → Monday 17:00 local.
  assert.equal(dueAt('2026-06-06T16:00:00.000Z', 'routine', week, ny), '2026-06-08T21:00:00.000Z');
  assert.equal(withinBusinessHours('2026-06-06T14:00:00.000Z', week.businessHours, ny), true, 'Saturday 10:00');
  assert.equal(withinBusinessHours('2026-06-07T14:00:00.000Z', week.businessHours, ny), false, 'Sunday is a day off');
});

const instant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const hours = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 30))
  .map(([days, open, length, minute]) =>
    days.map((day) => ({
      day,
      open: `${String(open).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
      close: `${String(Math.min(23, open + length)).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    })),
  );

test('property: a routine callback is due at a closing time on a business day, after intake, within a week, and at the first such closing', () => {
  fc.assert(
    fc.property(instant, hours, fc.constantFrom(...ZONES), (received, businessHours, zone) => {
      const policy = { ...WEEKDAYS, businessHours };
      const due = DateTime.fromISO(dueAt(received, 'routine', policy, zone), { zone });
      const start = DateTime.fromISO(received, { zone });
      assert.ok(due > start, 'due after intake');
      assert.ok(due.diff(start, 'days').days <= 8, 'within a week');
      const dueDay = businessHours.find((h) => h.day === due.weekday);
      assert.ok(dueDay, 'on a business day');
      // At closing time; a closing that falls in the spring-forward gap (02:00 that day does not exist) is the first instant after it.
      const closing = due.set({ hour: Number(dueDay.close.slice(0, 2)), minute: Number(dueDay.close.slice(3)) });
      assert.equal(due.toISO(), closing.toISO(), 'at closing time');
      // No earlier closing time fits: the day before the due day either is not a business day,
      // or its closing was at or before intake.
      const dayBefore = due.minus({ days: 1 });
      const before = businessHours.find((h) => h.day === dayBefore.weekday);
      const closeBefore = before && dayBefore.set({ hour: Number(before.close.slice(0, 2)), minute: Number(before.close.slice(3)) });
      assert.ok(!closeBefore || closeBefore <= start || due.diff(start, 'days').days < 1);
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

test('a callback window: the SLA runs from the window’s start, and the due time is never after its end', () => {
  const ny = 'America/New_York';
  // Tuesday 10:00 New York (14:00 UTC), no window: ready at once, the usual due time.
  assert.deepEqual(scheduleCallback('2026-06-02T14:00:00.000Z', 'urgent', WEEKDAYS, ny), { readyAt: '2026-06-02T14:00:00.000Z', dueAt: '2026-06-02T14:15:00.000Z' });
  // "After 3 p.m.": urgent is due 15 minutes after 15:00 local, not after intake.
  assert.deepEqual(scheduleCallback('2026-06-02T14:00:00.000Z', 'urgent', WEEKDAYS, ny, { after: '2026-06-02T19:00:00.000Z' }), { readyAt: '2026-06-02T19:00:00.000Z', dueAt: '2026-06-02T19:15:00.000Z' });
  // A window start given with an offset is the same instant, answered in UTC.
  assert.deepEqual(scheduleCallback('2026-06-02T14:00:00.000Z', 'urgent', WEEKDAYS, ny, { after: '2026-06-02T15:00:00-04:00' }), { readyAt: '2026-06-02T19:00:00.000Z', dueAt: '2026-06-02T19:15:00.000Z' });
  // Routine after 18:00 local (after closing): due the next business day's close…
  assert.equal(scheduleCallback('2026-06-02T14:00:00.000Z', 'routine', WEEKDAYS, ny, { after: '2026-06-02T22:00:00.000Z' }).dueAt, '2026-06-03T21:00:00.000Z');
  // …unless the window ends first: then by its end.
  assert.equal(scheduleCallback('2026-06-02T14:00:00.000Z', 'routine', WEEKDAYS, ny, { after: '2026-06-02T22:00:00.000Z', before: '2026-06-03T01:00:00.000Z' }).dueAt, '2026-06-03T01:00:00.000Z');
  // "Before noon": routine would be due at 17:00, the window makes it 12:00.
  assert.deepEqual(scheduleCallback('2026-06-02T14:00:00.000Z', 'routine', WEEKDAYS, ny, { before: '2026-06-02T16:00:00.000Z' }), { readyAt: '2026-06-02T14:00:00.000Z', dueAt: '2026-06-02T16:00:00.000Z' });
  // A window start already past changes nothing.
  assert.deepEqual(scheduleCallback('2026-06-02T14:00:00.000Z', 'emergent', WEEKDAYS, ny, { after: '2026-06-02T13:00:00.000Z' }), { readyAt: '2026-06-02T14:00:00.000Z', dueAt: '2026-06-02T14:05:00.000Z' });
});

test('an impossible callback window is named by its end', () => {
  const now = '2026-06-02T14:00:00.000Z';
  assert.equal(windowProblem(now, {}), null);
  assert.equal(windowProblem(now, { after: '2026-06-02T19:00:00.000Z' }), null);
  assert.equal(windowProblem(now, { after: '2026-06-02T19:00:00.000Z', before: '2026-06-02T21:00:00.000Z' }), null);
  assert.match(windowProblem(now, { after: '2026-06-02T19:00:00.000Z', before: '2026-06-02T18:00:00.000Z' }) ?? '', /must end later than it starts\./);
  assert.match(windowProblem(now, { after: '2026-06-02T19:00:00.000Z', before: '2026-06-02T19:00:00.000Z' }) ?? '', /must end later than it starts\./);
  // Offsets are compared as instants: 14:30-04:00 is after 18:00Z.
  assert.equal(windowProblem(now, { after: '2026-06-02T18:00:00.000Z', before: '2026-06-02T14:30:00-04:00' }), null);
  assert.match(windowProblem(now, { before: '2026-06-02T13:59:00.000Z' }) ?? '', /has already ended/);
});

test('property: the due time is never before the window opens nor after it closes, and never later than without a window', () => {
  fc.assert(
    fc.property(instant, fc.integer({ min: -600, max: 6000 }), fc.integer({ min: 1, max: 6000 }), fc.constantFrom('emergent' as const, 'urgent' as const, 'routine' as const), fc.constantFrom(...ZONES), (received, afterMin, lengthMin, priority, zone) => {
      const after = new Date(Date.parse(received) + afterMin * 60_000).toISOString();
      const before = new Date(Date.parse(after) + lengthMin * 60_000).toISOString();
      fc.pre(windowProblem(received, { after, before }) === null);
      const { readyAt, dueAt: due } = scheduleCallback(received, priority, WEEKDAYS, zone, { after, before });
      assert.equal(readyAt, after > received ? after : received, 'ready when the window opens, or at intake');
      assert.ok(due <= before, 'not after the window closes');
      assert.ok(due > readyAt, 'after it opens');
      assert.ok(due <= dueAt(readyAt, priority, WEEKDAYS, zone));
    }),
    { numRuns: 300 },
  );
});
