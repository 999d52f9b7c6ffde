import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import rrulePkg from 'rrule';
import { AppError } from '../../platform/http/errors.ts';
import { withinBusinessHours } from '../tasks/sla.ts';
import {
  checkCoverage,
  coverageAt,
  instantToLocal,
  localToInstant,
  occurrences,
  requiredWindows,
  timeline,
  validateSchedule,
  type BusinessHours,
  type Coverage,
  type OnCall,
  type Override,
  type ScheduleDocument,
  type ShiftRule,
  type Source,
} from './schedule.ts';

const { RRule } = rrulePkg;
const NY = 'America/New_York';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (iso: string) => new Date(iso);
const hours = (c: { start: Date; end: Date }) => (c.end.getTime() - c.start.getTime()) / HOUR;
const span = (c: { start: Date; end: Date }) => [c.start.toISOString(), c.end.toISOString()];

function shift(id: string, rrule: string, start: string, end: string, primary: string, more: Partial<ShiftRule> = {}): ShiftRule {
  return { id, rrule, startDate: '2027-01-01', untilDate: null, start, end, primary, backups: [], ...more };
}
function doc(rotations: { id: string; name?: string; shifts: ShiftRule[] }[], overrides: Override[] = []): ScheduleDocument {
  return { rotations: rotations.map((r) => ({ name: r.id, ...r })), overrides };
}
function override(id: string, start: string, end: string, primary: string, more: Partial<Override> = {}): Override {
  return { id, start, end, primary, backups: null, kind: 'cover', ...more };
}
const nights = (zone: string, startDate = '2027-01-01') => {
  const d = doc([{ id: 'nights', shifts: [shift('night', 'FREQ=DAILY', '19:00', '07:00', 'dr-n', { startDate, backups: ['dr-b'] })] }]);
  validateSchedule(d, zone);
  return d;
};

// ---------------------------------------------------------------------------------------------
// Daylight saving

test('New York: a 19:00→07:00 night across spring forward and fall back is one shift of 11 and 13 hours', () => {
  const d = nights(NY);
  const spring = occurrences(d, NY, utc('2027-03-13T12:00Z'), utc('2027-03-14T12:00Z'));
  assert.deepEqual(spring.map(span), [['2027-03-14T00:00:00.000Z', '2027-03-14T11:00:00.000Z']]);
  assert.equal(hours(spring[0]!), 11);
  const fall = occurrences(d, NY, utc('2027-11-06T12:00Z'), utc('2027-11-07T12:00Z'));
  assert.deepEqual(fall.map(span), [['2027-11-06T23:00:00.000Z', '2027-11-07T12:00:00.000Z']]);
  assert.equal(hours(fall[0]!), 13);
  // The nights either side are the ordinary 12 hours.
  assert.deepEqual(occurrences(d, NY, utc('2027-03-12T12:00Z'), utc('2027-03-16T12:00Z')).map(hours), [12, 11, 12, 12]);
  assert.deepEqual(occurrences(d, NY, utc('2027-11-05T12:00Z'), utc('2027-11-09T12:00Z')).map(hours), [12, 13, 12, 12]);
});

test('New York: coverageAt around 02:30 on the nights the clocks change', () => {
  const d = nights(NY);
  const expected: OnCall = { primary: 'dr-n', backups: ['dr-b'], source: { kind: 'rule', rotationId: 'nights', rotationName: 'nights', shiftId: 'night' } };
  // Spring forward: 01:30 EST, the instant "02:30" names (03:00 EDT), and 03:30 EDT.
  for (const at of ['2027-03-14T06:30Z', '2027-03-14T07:00Z', '2027-03-14T07:30Z', '2027-03-14T10:59Z']) assert.deepEqual(coverageAt(d, NY, utc(at)), expected, at);
  assert.equal(localToInstant(NY, '2027-03-14T02:30').toISOString(), '2027-03-14T07:00:00.000Z');
  // Fall back: 01:30 happens twice, both inside the same shift.
  for (const at of ['2027-11-07T05:30Z', '2027-11-07T06:30Z', '2027-11-07T07:30Z', '2027-11-07T11:59Z']) assert.deepEqual(coverageAt(d, NY, utc(at)), expected, at);
  assert.equal(coverageAt(d, NY, utc('2027-11-07T12:00Z')), null, 'end excluded');
  assert.equal(coverageAt(d, NY, utc('2027-11-06T22:59Z')), null);
  assert.deepEqual(coverageAt(d, NY, utc('2027-11-06T23:00Z')), expected, 'start included');
});

test('New York: a 02:30 start moves to 03:00 on the spring-forward day; a 01:30 start on the fall-back day is the first 01:30', () => {
  const d = doc([{ id: 'early', shifts: [shift('s', 'FREQ=DAILY', '02:30', '04:00', 'dr-e'), shift('t', 'FREQ=DAILY', '01:30', '01:45', 'dr-f')] }]);
  validateSchedule(d, NY);
  const early = occurrences(d, NY, utc('2027-03-13T00:00Z'), utc('2027-03-16T00:00Z')).filter((c) => c.source.kind === 'rule' && c.source.shiftId === 's');
  assert.deepEqual(early.map(span), [
    ['2027-03-13T07:30:00.000Z', '2027-03-13T09:00:00.000Z'],
    ['2027-03-14T07:00:00.000Z', '2027-03-14T08:00:00.000Z'],
    ['2027-03-15T06:30:00.000Z', '2027-03-15T08:00:00.000Z'],
  ]);
  assert.equal(instantToLocal(NY, early[1]!.start), '2027-03-14T03:00');
  const ambiguous = occurrences(d, NY, utc('2027-11-07T00:00Z'), utc('2027-11-07T12:00Z')).filter((c) => c.source.kind === 'rule' && c.source.shiftId === 't');
  assert.deepEqual(ambiguous.map(span), [['2027-11-07T05:30:00.000Z', '2027-11-07T05:45:00.000Z']]);
  // A shift lying wholly inside the skipped hour does not take place that day.
  const skipped = doc([{ id: 'r', shifts: [shift('gap', 'FREQ=DAILY', '02:10', '02:50', 'dr-g')] }]);
  assert.deepEqual(occurrences(skipped, NY, utc('2027-03-13T00:00Z'), utc('2027-03-16T00:00Z')).map((c) => instantToLocal(NY, c.start)), ['2027-03-13T02:10', '2027-03-15T02:10']);
});

test('Europe/London: nights of 11 and 13 hours; 01:30 on the spring-forward day is 02:00 BST', () => {
  const zone = 'Europe/London';
  const d = nights(zone);
  const spring = occurrences(d, zone, utc('2027-03-27T12:00Z'), utc('2027-03-28T03:00Z'));
  assert.deepEqual(spring.map(span), [['2027-03-27T19:00:00.000Z', '2027-03-28T06:00:00.000Z']]);
  const fall = occurrences(d, zone, utc('2027-10-30T12:00Z'), utc('2027-10-31T03:00Z'));
  assert.deepEqual(fall.map(span), [['2027-10-30T18:00:00.000Z', '2027-10-31T07:00:00.000Z']]);
  assert.deepEqual([spring, fall].map((s) => hours(s[0]!)), [11, 13]);
  assert.equal(localToInstant(zone, '2027-03-28T01:30').toISOString(), '2027-03-28T01:00:00.000Z');
  assert.equal(localToInstant(zone, '2027-10-31T01:30').toISOString(), '2027-10-31T00:30:00.000Z');
  assert.equal(coverageAt(d, zone, utc('2027-10-31T01:30Z'))?.primary, 'dr-n');
});

test('Australia/Sydney (southern hemisphere): the long night is in April, the short one in October', () => {
  const zone = 'Australia/Sydney';
  const d = nights(zone);
  const april = occurrences(d, zone, utc('2027-04-03T06:00Z'), utc('2027-04-03T12:00Z'));
  assert.deepEqual(april.map(span), [['2027-04-03T08:00:00.000Z', '2027-04-03T21:00:00.000Z']]);
  assert.equal(hours(april[0]!), 13);
  const october = occurrences(d, zone, utc('2027-10-02T06:00Z'), utc('2027-10-02T12:00Z'));
  assert.deepEqual(october.map(span), [['2027-10-02T09:00:00.000Z', '2027-10-02T20:00:00.000Z']]);
  assert.equal(hours(october[0]!), 11);
  assert.equal(localToInstant(zone, '2027-10-03T02:30').toISOString(), '2027-10-02T16:00:00.000Z');
  assert.equal(coverageAt(d, zone, utc('2027-10-02T16:00Z'))?.primary, 'dr-n');
});

test('a 00:00→00:00 shift is a whole local day: 23 and 25 hours on the change days', () => {
  const d = doc([{ id: 'r', shifts: [shift('day', 'FREQ=DAILY', '00:00', '00:00', 'dr-d')] }]);
  validateSchedule(d, NY);
  assert.deepEqual(occurrences(d, NY, localToInstant(NY, '2027-03-14T00:00'), localToInstant(NY, '2027-03-14T23:00')).map(hours), [23]);
  assert.deepEqual(occurrences(d, NY, localToInstant(NY, '2027-11-07T00:00'), localToInstant(NY, '2027-11-07T23:00')).map(hours), [25]);
  assert.deepEqual(timeline(d, NY, localToInstant(NY, '2027-03-10T00:00'), localToInstant(NY, '2027-03-20T00:00')).length, 1, 'back-to-back days merge into one segment');
});

// ---------------------------------------------------------------------------------------------
// Overrides, double coverage, rotations

const weekdays = 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
const dayAndNight = () =>
  doc([
    { id: 'days', shifts: [shift('day', weekdays, '08:00', '17:00', 'dr-a', { backups: ['dr-b'] })] },
    { id: 'nights', shifts: [shift('night', 'FREQ=DAILY', '17:00', '08:00', 'dr-n', { backups: ['dr-m'] })] },
  ]);
const local = (at: string) => localToInstant(NY, at);
const who = (d: ScheduleDocument, at: string) => coverageAt(d, NY, local(at));

test('an override covering part of a shift, with backups null, keeps the rule’s backups', () => {
  const d = dayAndNight();
  d.overrides.push(override('o1', '2027-06-07T12:00', '2027-06-07T14:00', 'dr-c'));
  validateSchedule(d, NY);
  const segments = timeline(d, NY, local('2027-06-07T08:00'), local('2027-06-07T17:00'));
  assert.deepEqual(
    segments.map((s) => [instantToLocal(NY, s.start), instantToLocal(NY, s.end), s.primary, s.backups.join(), s.source.kind]),
    [
      ['2027-06-07T08:00', '2027-06-07T12:00', 'dr-a', 'dr-b', 'rule'],
      ['2027-06-07T12:00', '2027-06-07T14:00', 'dr-c', 'dr-b', 'override'],
      ['2027-06-07T14:00', '2027-06-07T17:00', 'dr-a', 'dr-b', 'rule'],
    ],
  );
  assert.deepEqual(who(d, '2027-06-07T13:59'), { primary: 'dr-c', backups: ['dr-b'], source: { kind: 'override', overrideId: 'o1' } });
  assert.equal(who(d, '2027-06-07T14:00')?.primary, 'dr-a');
});

test('an override spanning shifts: its own backups, or each shift’s backups in turn when null', () => {
  const d = dayAndNight();
  d.overrides.push(override('full', '2027-06-08T00:00', '2027-06-09T00:00', 'dr-c', { backups: [] }));
  d.overrides.push(override('inherit', '2027-06-10T16:00', '2027-06-10T18:00', 'dr-c'));
  validateSchedule(d, NY);
  const full = timeline(d, NY, local('2027-06-08T00:00'), local('2027-06-09T00:00'));
  assert.deepEqual(full.map((s) => [instantToLocal(NY, s.start), instantToLocal(NY, s.end), s.primary, s.backups.length]), [['2027-06-08T00:00', '2027-06-09T00:00', 'dr-c', 0]]);
  const inherit = timeline(d, NY, local('2027-06-10T16:00'), local('2027-06-10T18:00'));
  assert.deepEqual(
    inherit.map((s) => [instantToLocal(NY, s.start), s.primary, s.backups]),
    [
      ['2027-06-10T16:00', 'dr-c', ['dr-b']],
      ['2027-06-10T17:00', 'dr-c', ['dr-m']],
    ],
  );
  // With no rule underneath, a null-backups override has no backups.
  const bare = doc([], [override('o', '2027-06-12T10:00', '2027-06-12T11:00', 'dr-c')]);
  assert.deepEqual(who(bare, '2027-06-12T10:30'), { primary: 'dr-c', backups: [], source: { kind: 'override', overrideId: 'o' } });
});

test('a swap is two overrides; among overlapping overrides the latest listed wins', () => {
  const d = dayAndNight();
  d.overrides.push(override('swap-day', '2027-06-09T08:00', '2027-06-09T17:00', 'dr-n', { kind: 'swap', backups: ['dr-m'] }));
  d.overrides.push(override('swap-night', '2027-06-09T17:00', '2027-06-10T08:00', 'dr-a', { kind: 'swap', backups: ['dr-b'] }));
  validateSchedule(d, NY);
  assert.equal(who(d, '2027-06-09T09:00')?.primary, 'dr-n');
  assert.equal(who(d, '2027-06-09T23:00')?.primary, 'dr-a');
  assert.equal(who(d, '2027-06-10T08:00')?.primary, 'dr-a', 'the next day shift is dr-a’s own again');
  assert.deepEqual(who(d, '2027-06-10T08:00')?.source, { kind: 'rule', rotationId: 'days', rotationName: 'days', shiftId: 'day' });
  d.overrides.push(override('later', '2027-06-09T12:00', '2027-06-09T13:00', 'dr-z'));
  assert.equal(who(d, '2027-06-09T12:30')?.primary, 'dr-z');
  d.overrides.push(override('latest', '2027-06-09T06:00', '2027-06-09T20:00', 'dr-y'));
  assert.equal(who(d, '2027-06-09T12:30')?.primary, 'dr-y');
});

test('double coverage: the shift that started latest wins, ties go to rotation order; overlaps name both', () => {
  const d = doc([
    { id: 'clinic', shifts: [shift('a', weekdays, '08:00', '17:00', 'dr-a')] },
    { id: 'evening', shifts: [shift('b', weekdays, '12:00', '20:00', 'dr-b'), shift('c', weekdays, '08:00', '10:00', 'dr-c')] },
  ]);
  validateSchedule(d, NY);
  assert.equal(who(d, '2027-06-07T09:00')?.primary, 'dr-a', 'same start: the first rotation');
  assert.equal(who(d, '2027-06-07T11:00')?.primary, 'dr-a');
  assert.equal(who(d, '2027-06-07T12:00')?.primary, 'dr-b', 'started later');
  assert.equal(who(d, '2027-06-07T18:00')?.primary, 'dr-b');
  const { overlaps } = checkCoverage(d, NY, local('2027-06-07T00:00'), local('2027-06-08T00:00'), { required: () => [], reachable: () => true });
  assert.deepEqual(
    overlaps.map((o) => [instantToLocal(NY, o.start), instantToLocal(NY, o.end), o.sources.map((s) => (s.kind === 'rule' ? s.shiftId : '')).join()]),
    [
      ['2027-06-07T08:00', '2027-06-07T10:00', 'a,c'],
      ['2027-06-07T12:00', '2027-06-07T17:00', 'a,b'],
    ],
  );
  // An override over double coverage replaces both, but the rules still overlap.
  d.overrides.push(override('o', '2027-06-07T12:00', '2027-06-07T13:00', 'dr-z'));
  assert.equal(who(d, '2027-06-07T12:30')?.primary, 'dr-z');
  assert.equal(checkCoverage(d, NY, local('2027-06-07T00:00'), local('2027-06-08T00:00'), { required: () => [], reachable: () => true }).overlaps.length, 2);
});

test('two people alternate weeks with INTERVAL=2 and start dates a week apart', () => {
  const all = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR,SA,SU';
  const d = doc([
    {
      id: 'weekly',
      shifts: [shift('wa', all, '09:00', '09:00', 'dr-a', { startDate: '2027-01-04' }), shift('wb', all, '09:00', '09:00', 'dr-b', { startDate: '2027-01-11' })],
    },
  ]);
  validateSchedule(d, NY);
  const mondays = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2027, 0, 4 + 7 * i)).toISOString().slice(0, 10));
  assert.deepEqual(
    mondays.map((m) => who(d, `${m}T12:00`)?.primary),
    ['dr-a', 'dr-b', 'dr-a', 'dr-b', 'dr-a', 'dr-b', 'dr-a', 'dr-b', 'dr-a', 'dr-b'],
  );
  // The Sunday shift runs to Monday 09:00: the hand-over is Monday morning.
  assert.equal(who(d, '2027-01-17T08:59')?.primary, 'dr-b');
  assert.equal(who(d, '2027-01-18T08:59')?.primary, 'dr-b');
  assert.equal(who(d, '2027-01-18T09:00')?.primary, 'dr-a');
  assert.equal(who(d, '2027-01-11T08:59')?.primary, 'dr-a');
  assert.equal(who(d, '2027-01-11T09:00')?.primary, 'dr-b');
  assert.equal(who(d, '2027-01-04T08:59'), null, 'before the first shift');
  // Over ten weeks the timeline is continuous: a week each, alternating.
  const segments = timeline(d, NY, local('2027-01-04T09:00'), local('2027-03-15T09:00'));
  assert.equal(segments.length, 10);
  assert.ok(segments.every((s, i) => i === 0 || s.start.getTime() === segments[i - 1]!.end.getTime()));
});

test('untilDate is the last day a shift may start; startDate the first', () => {
  const d = doc([{ id: 'r', shifts: [shift('s', 'FREQ=DAILY', '19:00', '07:00', 'dr-a', { startDate: '2027-06-07', untilDate: '2027-06-09' })] }]);
  validateSchedule(d, NY);
  const got = occurrences(d, NY, local('2027-06-01T00:00'), local('2027-06-20T00:00'));
  assert.deepEqual(got.map((c) => instantToLocal(NY, c.start)), ['2027-06-07T19:00', '2027-06-08T19:00', '2027-06-09T19:00']);
  assert.equal(who(d, '2027-06-10T06:59')?.primary, 'dr-a', 'the last shift runs past untilDate');
});

test('a rule begun years ago gives the same days as rrule does from its own start', () => {
  const d = doc([{ id: 'r', shifts: [shift('s', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA', '10:00', '11:00', 'dr-a', { startDate: '2015-02-03' })] }]);
  const days = occurrences(d, 'UTC', utc('2027-01-01T00:00Z'), utc('2027-12-31T00:00Z')).map((c) => c.start.toISOString().slice(0, 10));
  const rule = new RRule({ ...RRule.parseString('FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA'), dtstart: utc('2015-02-03T00:00Z') });
  const expected = rule.between(utc('2027-01-01T00:00Z'), utc('2027-12-30T00:00Z'), true).map((x) => x.toISOString().slice(0, 10));
  assert.deepEqual(days, expected);
});

// ---------------------------------------------------------------------------------------------
// Coverage checks and required windows

const officeHours: BusinessHours = [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' }));

test('requiredWindows: always, or the time outside business hours in the client’s zone', () => {
  const from = local('2027-06-07T00:00');
  const to = local('2027-06-14T00:00');
  assert.deepEqual(requiredWindows('always', NY, officeHours, from, to), [{ start: from, end: to }]);
  const closed = requiredWindows('outside_business_hours', NY, officeHours, from, to);
  assert.deepEqual(
    closed.map((w) => [instantToLocal(NY, w.start), instantToLocal(NY, w.end)]),
    [
      ['2027-06-07T00:00', '2027-06-07T08:00'],
      ['2027-06-07T17:00', '2027-06-08T08:00'],
      ['2027-06-08T17:00', '2027-06-09T08:00'],
      ['2027-06-09T17:00', '2027-06-10T08:00'],
      ['2027-06-10T17:00', '2027-06-11T08:00'],
      ['2027-06-11T17:00', '2027-06-14T00:00'],
    ],
  );
  // Across the fall-back weekend the closed night is an hour longer.
  const fall = requiredWindows('outside_business_hours', NY, officeHours, local('2027-11-05T12:00'), local('2027-11-08T12:00'));
  assert.deepEqual(fall.map(hours), [24 * 2 + 15 + 1]);
});

test('checkCoverage: uncovered weekend and Monday morning, unreachable nights, merged and sorted', () => {
  const d = doc([{ id: 'nights', shifts: [shift('night', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH', '17:00', '08:00', 'dr-n')] }]);
  validateSchedule(d, NY);
  const from = local('2027-06-07T00:00');
  const to = local('2027-06-14T00:00');
  const required = (a: Date, b: Date) => requiredWindows('outside_business_hours', NY, officeHours, a, b);
  const reachableAll = checkCoverage(d, NY, from, to, { required, reachable: () => true });
  assert.deepEqual(
    reachableAll.gaps.map((g) => [instantToLocal(NY, g.start), instantToLocal(NY, g.end), g.reason]),
    [
      ['2027-06-07T00:00', '2027-06-07T08:00', 'uncovered'],
      ['2027-06-11T17:00', '2027-06-14T00:00', 'uncovered'],
    ],
  );
  assert.deepEqual(reachableAll.overlaps, []);
  const nobody = checkCoverage(d, NY, from, to, { required, reachable: (p) => p !== 'dr-n' });
  assert.deepEqual(
    nobody.gaps.map((g) => [instantToLocal(NY, g.start), instantToLocal(NY, g.end), g.reason, g.personId ?? '']),
    [
      ['2027-06-07T00:00', '2027-06-07T08:00', 'uncovered', ''],
      ['2027-06-07T17:00', '2027-06-08T08:00', 'unreachable', 'dr-n'],
      ['2027-06-08T17:00', '2027-06-09T08:00', 'unreachable', 'dr-n'],
      ['2027-06-09T17:00', '2027-06-10T08:00', 'unreachable', 'dr-n'],
      ['2027-06-10T17:00', '2027-06-11T08:00', 'unreachable', 'dr-n'],
      ['2027-06-11T17:00', '2027-06-14T00:00', 'uncovered', ''],
    ],
  );
  // Required intervals that overlap, or reach outside [from, to), are merged and clipped.
  const messy = checkCoverage(doc([]), NY, from, to, { required: () => [{ start: new Date(from.getTime() - DAY), end: new Date(from.getTime() + HOUR) }, { start: new Date(from.getTime() + 30 * 60_000), end: new Date(from.getTime() + 2 * HOUR) }], reachable: () => true });
  assert.deepEqual(messy.gaps, [{ start: from, end: new Date(from.getTime() + 2 * HOUR), reason: 'uncovered' }]);
});

// ---------------------------------------------------------------------------------------------
// Validation

test('validateSchedule refuses bad input, naming the field with a sentence', () => {
  const base = () =>
    doc(
      [
        { id: 'r1', shifts: [shift('s1', weekdays, '08:00', '17:00', 'dr-a', { backups: ['dr-b'] })] },
        { id: 'r2', shifts: [shift('s2', 'FREQ=DAILY', '17:00', '08:00', 'dr-n')] },
      ],
      [override('o1', '2027-06-07T12:00', '2027-06-07T14:00', 'dr-c')],
    );
  assert.doesNotThrow(() => validateSchedule(base(), NY));
  const cases: [string, (d: ScheduleDocument) => void, string, RegExp?][] = [
    ['unparseable rrule', (d) => (d.rotations[0]!.shifts[0]!.rrule = 'every weekday'), 'rotations[0].shifts[0].rrule', /could not be read/],
    ['unknown rrule part', (d) => (d.rotations[0]!.shifts[0]!.rrule = 'FREQ=DAILY;FOO=1'), 'rotations[0].shifts[0].rrule'],
    ['bad weekday', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=WEEKLY;BYDAY=XX'), 'rotations[1].shifts[0].rrule'],
    ['no FREQ', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'BYDAY=MO'), 'rotations[1].shifts[0].rrule', /how often/],
    ['DTSTART in the rrule', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=DAILY;DTSTART=20270101T000000Z'), 'rotations[1].shifts[0].rrule', /first and last day/],
    ['UNTIL in the rrule', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=DAILY;UNTIL=20271231T000000Z'), 'rotations[1].shifts[0].rrule', /first and last day/],
    ['COUNT in the rrule', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=DAILY;COUNT=3'), 'rotations[1].shifts[0].rrule', /number of repeats/],
    ['HOURLY', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=HOURLY'), 'rotations[1].shifts[0].rrule', /once a day/],
    ['MINUTELY', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=MINUTELY;INTERVAL=30'), 'rotations[1].shifts[0].rrule', /once a day/],
    ['BYHOUR', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=DAILY;BYHOUR=9'), 'rotations[1].shifts[0].rrule', /times of day/],
    ['30 February', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'), 'rotations[1].shifts[0].rrule', /30 February/],
    ['never on the weekday', (d) => (d.rotations[1]!.shifts[0]!.rrule = 'FREQ=DAILY;INTERVAL=7;BYDAY=SU'), 'rotations[1].shifts[0].rrule', /never/],
    ['bad start time', (d) => (d.rotations[0]!.shifts[0]!.start = '8:00'), 'rotations[0].shifts[0].start'],
    ['bad end time', (d) => (d.rotations[0]!.shifts[0]!.end = '24:00'), 'rotations[0].shifts[0].end'],
    ['bad start date', (d) => (d.rotations[0]!.shifts[0]!.startDate = '2027-02-30'), 'rotations[0].shifts[0].startDate'],
    ['until before start', (d) => (d.rotations[0]!.shifts[0]!.untilDate = '2026-12-31'), 'rotations[0].shifts[0].untilDate', /on or after/],
    ['no shift before until', (d) => Object.assign(d.rotations[0]!.shifts[0]!, { startDate: '2027-01-02', untilDate: '2027-01-03' }), 'rotations[0].shifts[0].rrule', /between the first and last day/],
    ['primary among backups', (d) => (d.rotations[0]!.shifts[0]!.backups = ['dr-b', 'dr-a']), 'rotations[0].shifts[0].backups[1]', /own backup/],
    ['backup twice', (d) => (d.rotations[0]!.shifts[0]!.backups = ['dr-b', 'dr-b']), 'rotations[0].shifts[0].backups[1]'],
    ['no primary', (d) => (d.rotations[0]!.shifts[0]!.primary = ''), 'rotations[0].shifts[0].primary'],
    ['duplicate shift id', (d) => (d.rotations[1]!.shifts[0]!.id = 's1'), 'rotations[1].shifts[0].id', /already used/],
    ['duplicate rotation id', (d) => (d.rotations[1]!.id = 'r1'), 'rotations[1].id', /already used/],
    ['duplicate override id', (d) => d.overrides.push({ ...d.overrides[0]! }), 'overrides[1].id', /already used/],
    ['override ends before it starts', (d) => (d.overrides[0]!.end = '2027-06-07T11:00'), 'overrides[0].end', /end after it starts/],
    ['override ends as it starts', (d) => (d.overrides[0]!.end = '2027-06-07T12:00'), 'overrides[0].end'],
    ['override inside the skipped hour', (d) => Object.assign(d.overrides[0]!, { start: '2027-03-14T02:10', end: '2027-03-14T02:40' }), 'overrides[0].end'],
    ['override too long', (d) => (d.overrides[0]!.end = '2027-08-07T12:00'), 'overrides[0].end', /31 days/],
    ['override bad time', (d) => (d.overrides[0]!.start = '2027-06-07 12:00'), 'overrides[0].start'],
    ['override primary among backups', (d) => (d.overrides[0]!.backups = ['dr-c']), 'overrides[0].backups[0]'],
    ['override kind', (d) => ((d.overrides[0] as { kind: string }).kind = 'trade'), 'overrides[0].kind'],
    ['override note', (d) => ((d.overrides[0] as { note?: string }).note = 'patient called'), 'overrides[0].note', /no notes/],
    ['too many rotations', (d) => (d.rotations = Array.from({ length: 21 }, (_, i) => ({ id: `r${i}`, name: `r${i}`, shifts: [] }))), 'rotations', /20/],
    ['too many shifts', (d) => (d.rotations[1]!.shifts = Array.from({ length: 50 }, (_, i) => shift(`x${i}`, 'FREQ=DAILY', '08:00', '09:00', 'dr-a'))), 'rotations[1].shifts', /50/],
    ['too many overrides', (d) => (d.overrides = Array.from({ length: 501 }, (_, i) => override(`o${i}`, '2027-06-07T12:00', '2027-06-07T14:00', 'dr-c'))), 'overrides', /500/],
    ['no rotation name', (d) => (d.rotations[0]!.name = ' '), 'rotations[0].name'],
  ];
  for (const [name, mutate, field, message] of cases) {
    const d = base();
    mutate(d);
    assert.throws(
      () => validateSchedule(d, NY),
      (err: unknown) => {
        assert.ok(err instanceof AppError, name);
        assert.equal(err.status, 400, name);
        assert.equal(err.field, field, name);
        assert.match(err.detail, /^[A-Z].*\.$/, `${name}: a sentence`);
        assert.doesNotMatch(err.detail, /RRULE|DTSTART|rrule|undefined|null/, `${name}: no jargon`);
        if (message) assert.match(err.detail, message, name);
        return true;
      },
      name,
    );
  }
  assert.throws(() => validateSchedule(base(), 'Mars/Olympus'), (err: unknown) => err instanceof AppError && err.field === 'zone');
  // start == end is a 24-hour shift, not a mistake; monthly patterns that exist pass.
  const fine = base();
  fine.rotations[0]!.shifts[0]!.end = '08:00';
  fine.rotations[1]!.shifts[0]!.rrule = 'FREQ=MONTHLY;BYDAY=-1FR';
  assert.doesNotThrow(() => validateSchedule(fine, NY));
  fine.rotations[1]!.shifts[0]!.rrule = 'FREQ=YEARLY;BYMONTHDAY=31';
  assert.doesNotThrow(() => validateSchedule(fine, NY));
});

// ---------------------------------------------------------------------------------------------
// Properties

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'UTC'] as const;
/** Days near the 2027 clock changes of the zones above, and some ordinary ones. */
const DAYS = ['2027-03-13', '2027-03-27', '2027-04-03', '2027-04-02', '2027-09-04', '2027-10-02', '2027-10-30', '2027-11-06', '2027-06-09', '2027-01-01'];
const PEOPLE = ['p1', 'p2', 'p3', 'p4', 'p5'];
const RRULES = ['FREQ=DAILY', 'FREQ=DAILY;INTERVAL=2', 'FREQ=DAILY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR', 'FREQ=WEEKLY;BYDAY=MO,WE,FR', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SA,SU', 'FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO'];

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00Z`) + n * DAY).toISOString().slice(0, 10);
const wallArb = fc.oneof(
  fc.constantFrom('00:00', '01:00', '01:30', '02:00', '02:30', '03:00', '07:00', '08:00', '17:00', '19:00', '23:30'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const peopleArb = fc.tuple(fc.constantFrom(...PEOPLE), fc.subarray(PEOPLE, { maxLength: 3 })).map(([primary, backups]) => ({ primary, backups: backups.filter((p) => p !== primary) }));

interface Scenario {
  zone: string;
  doc: ScheduleDocument;
  from: Date;
  to: Date;
  base: string;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    base: fc.constantFrom(...DAYS),
    startHour: fc.integer({ min: 0, max: 23 }),
    lengthHours: fc.integer({ min: 1, max: 96 }),
    rotations: fc.array(
      fc.array(
        fc.record({
          rrule: fc.constantFrom(...RRULES),
          startOffset: fc.oneof(fc.integer({ min: -20, max: 3 }), fc.constant(-3000)),
          until: fc.option(fc.integer({ min: -1, max: 4 }), { nil: null }),
          start: wallArb,
          end: wallArb,
          people: peopleArb,
        }),
        { minLength: 1, maxLength: 3 },
      ),
      { minLength: 0, maxLength: 3 },
    ),
    overrides: fc.array(
      fc.record({
        startOffset: fc.integer({ min: -1, max: 3 }),
        start: wallArb,
        minutes: fc.integer({ min: 15, max: 3 * 24 * 60 }),
        people: peopleArb,
        keepBackups: fc.boolean(),
        kind: fc.constantFrom('cover' as const, 'swap' as const),
      }),
      { maxLength: 4 },
    ),
  })
  .map((r) => {
    const from = localToInstant(r.zone, `${r.base}T${String(r.startHour).padStart(2, '0')}:00`);
    const doc: ScheduleDocument = {
      rotations: r.rotations.map((shifts, i) => ({
        id: `rot-${i}`,
        name: `Rotation ${i}`,
        shifts: shifts.map((s, j) => {
          const startDate = addDays(r.base, s.startOffset);
          return { id: `shift-${i}-${j}`, rrule: s.rrule, startDate, untilDate: s.until === null ? null : addDays(r.base, Math.max(s.until, s.startOffset)), start: s.start, end: s.end, ...s.people };
        }),
      })),
      overrides: r.overrides.map((o, i) => {
        const start = `${addDays(r.base, o.startOffset)}T${o.start}`;
        const end = new Date(Date.parse(`${start}Z`) + o.minutes * 60_000).toISOString().slice(0, 16);
        return { id: `ov-${i}`, start, end, primary: o.people.primary, backups: o.keepBackups ? null : o.people.backups, kind: o.kind };
      }),
    };
    return { zone: r.zone, doc, from, to: new Date(from.getTime() + r.lengthHours * HOUR), base: r.base };
  })
  .filter((s) => {
    try {
      validateSchedule(s.doc, s.zone);
      return true;
    } catch {
      return false; // an override lying wholly in a skipped hour, or a rule with no shift before its last day
    }
  });

/** Instants to probe: random ones, and both sides of every boundary the answers report. */
function probes(s: Scenario, fractions: number[], boundaries: Date[]): number[] {
  const from = s.from.getTime();
  const to = s.to.getTime();
  const out = fractions.map((f) => from + Math.floor(f * (to - from)));
  for (const b of boundaries) out.push(b.getTime() - 1, b.getTime(), b.getTime() + 1);
  return out.filter((t) => t >= from && t < to);
}
const fractionsArb = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 5, maxLength: 20 });

function sameSource(a: Source, b: Source): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Who is on call at `t`, worked out from occurrences and the overrides one by one, as the requirements say it. */
function oracleAt(s: Scenario, t: number): OnCall | null {
  const order = new Map(s.doc.rotations.flatMap((r) => r.shifts.map((x) => x.id)).map((id, i) => [id, i]));
  const orderOf = (c: Coverage) => (c.source.kind === 'rule' ? order.get(c.source.shiftId)! : -1);
  const covering = occurrences(s.doc, s.zone, new Date(t), new Date(t + 1)).filter((c) => c.start.getTime() <= t && t < c.end.getTime());
  let rule: Coverage | undefined;
  for (const c of covering) if (!rule || c.start > rule.start || (c.start.getTime() === rule.start.getTime() && orderOf(c) < orderOf(rule))) rule = c;
  const over = s.doc.overrides.filter((o) => localToInstant(s.zone, o.start).getTime() <= t && t < localToInstant(s.zone, o.end).getTime()).at(-1);
  if (over) return { primary: over.primary, backups: over.backups ?? rule?.backups ?? [], source: { kind: 'override', overrideId: over.id } };
  return rule ? { primary: rule.primary, backups: rule.backups, source: rule.source } : null;
}

test('property: occurrences are the rrule days at the wall-clock times, each converted by localToInstant', () => {
  fc.assert(
    fc.property(scenarioArb, (s) => {
      const expected: string[] = [];
      for (const rotation of s.doc.rotations) {
        for (const sh of rotation.shifts) {
          const rule = new RRule({ ...RRule.parseString(sh.rrule), dtstart: utc(`${sh.startDate}T00:00Z`) });
          const days = rule.between(new Date(s.from.getTime() - 4 * DAY), new Date(s.to.getTime() + 2 * DAY), true).map((d) => d.toISOString().slice(0, 10));
          for (const day of days) {
            if (sh.untilDate !== null && day > sh.untilDate) continue;
            const start = localToInstant(s.zone, `${day}T${sh.start}`);
            const end = localToInstant(s.zone, `${sh.end <= sh.start ? addDays(day, 1) : day}T${sh.end}`);
            if (end > start && start < s.to && end > s.from) expected.push(`${sh.id} ${start.toISOString()} ${end.toISOString()}`);
          }
        }
      }
      const got = occurrences(s.doc, s.zone, s.from, s.to).map((c) => `${c.source.kind === 'rule' ? c.source.shiftId : ''} ${c.start.toISOString()} ${c.end.toISOString()}`);
      assert.deepEqual([...got].sort(), expected.sort());
      const starts = occurrences(s.doc, s.zone, s.from, s.to).map((c) => c.start.getTime());
      assert.ok(starts.every((x, i) => i === 0 || starts[i - 1]! <= x), 'sorted by start');
    }),
    { numRuns: 150 },
  );
});

test('property: coverageAt gives one primary or null, as the requirements say, and the timeline segment holding the instant', () => {
  fc.assert(
    fc.property(scenarioArb, fractionsArb, (s, fractions) => {
      const segments = timeline(s.doc, s.zone, s.from, s.to);
      for (const [i, seg] of segments.entries()) {
        assert.ok(seg.start < seg.end && seg.start >= s.from && seg.end <= s.to, 'clipped and non-empty');
        if (i > 0) {
          const prev = segments[i - 1]!;
          assert.ok(prev.end <= seg.start, 'sorted, not overlapping');
          if (prev.end.getTime() === seg.start.getTime()) assert.ok(prev.primary !== seg.primary || prev.backups.join() !== seg.backups.join() || !sameSource(prev.source, seg.source), 'adjacent equal segments are merged');
        }
      }
      for (const t of probes(s, fractions, segments.flatMap((x) => [x.start, x.end]))) {
        const got = coverageAt(s.doc, s.zone, new Date(t));
        assert.ok(got === null || typeof got.primary === 'string');
        assert.deepEqual(got, oracleAt(s, t), `at ${new Date(t).toISOString()}`);
        const seg = segments.find((x) => x.start.getTime() <= t && t < x.end.getTime());
        assert.deepEqual(got, seg ? { primary: seg.primary, backups: seg.backups, source: seg.source } : null, `timeline at ${new Date(t).toISOString()}`);
      }
    }),
    { numRuns: 200 },
  );
});

const hoursArb: fc.Arbitrary<BusinessHours> = fc
  .subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })
  .chain((days) => fc.tuple(...days.map((day) => fc.record({ day: fc.constant(day), open: fc.constantFrom('07:00', '08:00', '08:30', '09:00'), close: fc.constantFrom('12:00', '16:45', '17:00', '20:00') }))));

test('property: gaps are exactly the required instants nobody reachable covers', () => {
  fc.assert(
    fc.property(scenarioArb, fc.subarray(PEOPLE), fc.constantFrom('always' as const, 'outside_business_hours' as const), hoursArb, fractionsArb, (s, unreachable, kind, businessHours, fractions) => {
      const reachable = (p: string) => !unreachable.includes(p);
      const required = requiredWindows(kind, s.zone, businessHours, s.from, s.to);
      const { gaps } = checkCoverage(s.doc, s.zone, s.from, s.to, { required: (a, b) => requiredWindows(kind, s.zone, businessHours, a, b), reachable });
      for (const [i, g] of gaps.entries()) {
        assert.ok(g.start < g.end && g.start >= s.from && g.end <= s.to);
        if (i > 0) assert.ok(gaps[i - 1]!.end <= g.start, 'sorted, not overlapping');
        if (i > 0 && gaps[i - 1]!.end.getTime() === g.start.getTime()) assert.ok(gaps[i - 1]!.reason !== g.reason || gaps[i - 1]!.personId !== g.personId, 'merged');
      }
      const boundaries = [...gaps.flatMap((g) => [g.start, g.end]), ...required.flatMap((r) => [r.start, r.end])];
      for (const t of probes(s, fractions, boundaries)) {
        const isRequired = required.some((r) => r.start.getTime() <= t && t < r.end.getTime());
        if (kind === 'outside_business_hours') assert.equal(isRequired, !withinBusinessHours(new Date(t).toISOString(), businessHours, s.zone), 'the same business hours as the callback policy');
        const who = coverageAt(s.doc, s.zone, new Date(t));
        const expected = !isRequired ? null : who === null ? { reason: 'uncovered' } : reachable(who.primary) ? null : { reason: 'unreachable', personId: who.primary };
        const gap = gaps.find((g) => g.start.getTime() <= t && t < g.end.getTime());
        assert.deepEqual(gap ? { reason: gap.reason, ...(gap.personId === undefined ? {} : { personId: gap.personId }) } : null, expected, `at ${new Date(t).toISOString()}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('property: overlaps are exactly the instants two or more rule shifts cover, with their sources', () => {
  fc.assert(
    fc.property(scenarioArb, fractionsArb, (s, fractions) => {
      const { overlaps } = checkCoverage(s.doc, s.zone, s.from, s.to, { required: () => [], reachable: () => true });
      const shifts = occurrences(s.doc, s.zone, s.from, s.to);
      for (const t of probes(s, fractions, [...overlaps.flatMap((o) => [o.start, o.end]), ...shifts.flatMap((c) => [c.start, c.end])])) {
        const covering = shifts.filter((c) => c.start.getTime() <= t && t < c.end.getTime());
        const overlap = overlaps.find((o) => o.start.getTime() <= t && t < o.end.getTime());
        if (covering.length < 2) assert.equal(overlap, undefined, `no overlap at ${new Date(t).toISOString()}`);
        else assert.deepEqual(overlap?.sources.map((x) => JSON.stringify(x)).sort(), covering.map((c) => JSON.stringify(c.source)).sort(), `overlap at ${new Date(t).toISOString()}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('property: a wall-clock time is the earliest instant the clock reads it or later', () => {
  const transitions = ['2027-03-14', '2027-11-07', '2027-03-28', '2027-10-31', '2027-04-04', '2027-10-03', '2027-04-03', '2027-09-05', '2027-06-09'];
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...transitions), fc.integer({ min: -1, max: 1 }), fc.integer({ min: 0, max: 24 * 4 - 1 }), (zone, day, shiftDays, quarter) => {
      const wallText = `${addDays(day, shiftDays)}T${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
      const wall = Date.parse(`${wallText}Z`);
      const z = IANAZone.create(zone);
      let expected = Number.NaN;
      for (let t = wall - 15 * HOUR; t <= wall + 15 * HOUR; t += 60_000) {
        if (t + z.offset(t) * 60_000 >= wall) {
          expected = t;
          break;
        }
      }
      assert.equal(localToInstant(zone, wallText).getTime(), expected, `${zone} ${wallText}`);
    }),
    { numRuns: 300 },
  );
});
