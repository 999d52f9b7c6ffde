import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Settings } from 'luxon';
import { clientDates, delayMs, dueReminderStep, noticeDeadline, ORAL_DELAY_DAYS, reminderTimes, statutoryEnd, type LawEnforcementDelay, type NoticeUnit } from './deadlines.ts';

// The expected values here are computed with Intl and Date.UTC on local YYYY-MM-DD parts, not
// with luxon, so that the module's arithmetic is checked against a second implementation.

const HOUR = 3_600_000;
const DAY = 86_400_000;

const ZONES = ['America/Chicago', 'America/New_York', 'America/Los_Angeles', 'America/Phoenix', 'Pacific/Honolulu', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as const;
type Zone = (typeof ZONES)[number];

const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2041, 0, 1) - 1;

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(ms: number, zone: string) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The local YYYY-MM-DD of an instant in a zone. */
function localDate(ms: number, zone: string): string {
  const p = localParts(ms, zone);
  return isoDate(p.year, p.month, p.day);
}

/** Plain date arithmetic on a YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 is Sunday, 6 Saturday. */
function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
const isWeekday = (date: string) => weekday(date) >= 1 && weekday(date) <= 5;

/** The zone's offset from UTC at an instant, in milliseconds (to the second). */
function offsetMs(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant of 00:00 local on a YYYY-MM-DD (each zone here has a midnight every day). */
function localMidnight(date: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - offsetMs(wall, zone);
  guess = wall - offsetMs(guess, zone);
  const p = localParts(guess, zone);
  assert.equal(isoDate(p.year, p.month, p.day), date);
  assert.equal(p.hour * 60 + p.minute, 0);
  return guess;
}

/** The first instants of a new UTC offset in a zone between 2020 and 2040 (its DST changes). */
function transitionsOf(zone: string): number[] {
  const out: number[] = [];
  for (let a = FROM; a < TO; a += 7 * DAY) {
    const b = Math.min(a + 7 * DAY, TO);
    if (offsetMs(a, zone) === offsetMs(b, zone)) continue;
    let lo = a;
    let hi = b;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (offsetMs(mid, zone) === offsetMs(lo, zone)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}
const TRANSITIONS = new Map<string, number[]>(ZONES.map((z) => [z, transitionsOf(z)]));
const LEAP_DAYS = [2020, 2024, 2028, 2032, 2036, 2040].map((y) => Date.UTC(y, 1, 29, 12));
const YEAR_ENDS = Array.from({ length: 21 }, (_, i) => Date.UTC(2020 + i, 11, 31, 12));

const clamp = (ms: number) => Math.min(TO, Math.max(FROM, ms));
const near = (instants: number[], before: number, after: number) => fc.tuple(fc.constantFrom(...instants), fc.integer({ min: -before, max: after })).map(([t, d]) => clamp(t + d));

/** A discovery instant in a zone: anywhere in 2020–2040, or near its DST changes (on them, or up to 62 days before one, so the window crosses it), Feb 29, or the end of a year. */
function instantIn(zone: Zone): fc.Arbitrary<number> {
  const transitions = TRANSITIONS.get(zone)!;
  const arbitraries: fc.WeightedArbitrary<number>[] = [
    { arbitrary: fc.integer({ min: FROM, max: TO }), weight: 3 },
    { arbitrary: near(LEAP_DAYS, 3 * DAY, 3 * DAY), weight: 1 },
    { arbitrary: near(YEAR_ENDS, 2 * DAY, 2 * DAY), weight: 1 },
  ];
  if (transitions.length > 0) {
    arbitraries.push({ arbitrary: near(transitions, 36 * HOUR, 36 * HOUR), weight: 2 }, { arbitrary: near(transitions, 62 * DAY, 0), weight: 2 });
  }
  return fc.oneof(...arbitraries);
}

const zoneArb = fc.constantFrom(...ZONES);
const discovery = zoneArb.chain((zone) => instantIn(zone).map((ms) => ({ zone, ms, iso: new Date(ms).toISOString() })));
const iso = (ms: number) => new Date(ms).toISOString();
const RUNS = { numRuns: 200 };

test('a window in calendar days ends at the local midnight after the day N calendar days after the local day of discovery, across DST changes', () => {
  fc.assert(
    fc.property(discovery, fc.integer({ min: 1, max: 60 }), ({ zone, ms, iso: at }, n) => {
      const d = noticeDeadline(at, { window: n, unit: 'calendar_days' }, zone);
      const expectedOn = addDays(localDate(ms, zone), n);
      assert.equal(d.dueOn, expectedOn);
      const due = Date.parse(d.dueAt);
      const p = localParts(due, zone);
      assert.equal(isoDate(p.year, p.month, p.day), addDays(expectedOn, 1));
      assert.deepEqual([p.hour, p.minute, p.second], [0, 0, 0]);
      assert.equal(localDate(due - 1, zone), expectedOn);
      assert.equal(due, localMidnight(addDays(expectedOn, 1), zone));
      assert.equal(d.capped, false);
      assert.equal(d.delayedMs, 0);
      assert.equal(d.windowDueAt, d.dueAt);
    }),
    RUNS,
  );
});

test('a deadline is never earlier than discovery nor later than the end of the 60th local day, and only a window over 60 calendar days is capped', () => {
  fc.assert(
    fc.property(discovery, fc.integer({ min: 1, max: 400 }), fc.constantFrom<NoticeUnit>('calendar_days', 'business_days', 'hours'), ({ zone, ms, iso: at }, n, unit) => {
      const d = noticeDeadline(at, { window: n, unit }, zone);
      const due = Date.parse(d.dueAt);
      const statutory = localMidnight(addDays(localDate(ms, zone), 61), zone);
      assert.ok(due > ms);
      assert.ok(due <= statutory);
      assert.equal(statutoryEnd(at, zone).toMillis(), statutory);
      assert.equal(d.capped, Date.parse(d.windowDueAt) > statutory);
      if (d.capped) {
        assert.equal(due, statutory);
        assert.equal(d.dueOn, addDays(localDate(ms, zone), 60));
      } else assert.equal(d.dueAt, d.windowDueAt);
      if (unit === 'calendar_days') {
        assert.equal(d.capped, n > 60);
        if (n > 60) assert.equal(d.dueAt, noticeDeadline(at, { window: 60, unit }, zone).dueAt);
      }
    }),
    RUNS,
  );
});

test('a window in business days ends after the Nth weekday after the local day of discovery, unless the 60 days come first', () => {
  fc.assert(
    fc.property(discovery, fc.integer({ min: 1, max: 60 }), ({ zone, ms, iso: at }, n) => {
      const d = noticeDeadline(at, { window: n, unit: 'business_days' }, zone);
      const discoveredOn = localDate(ms, zone);
      let expected = discoveredOn;
      for (let left = n; left > 0; ) {
        expected = addDays(expected, 1);
        if (isWeekday(expected)) left -= 1;
      }
      const lastLegalDay = addDays(discoveredOn, 60);
      assert.equal(d.capped, expected > lastLegalDay);
      if (d.capped) {
        assert.equal(d.dueOn, lastLegalDay);
      } else {
        assert.equal(d.dueOn, expected);
        assert.ok(isWeekday(d.dueOn));
        let weekdays = 0;
        for (let day = addDays(discoveredOn, 1); day <= d.dueOn; day = addDays(day, 1)) if (isWeekday(day)) weekdays += 1;
        assert.equal(weekdays, n);
      }
      assert.equal(Date.parse(d.dueAt), localMidnight(addDays(d.dueOn, 1), zone));
    }),
    RUNS,
  );
});

test('a window in hours ends exactly that many hours after the instant of discovery, whatever DST does, unless that is past the 60th local day', () => {
  fc.assert(
    fc.property(discovery, fc.integer({ min: 1, max: 24 * 60 }), ({ zone, ms, iso: at }, n) => {
      const d = noticeDeadline(at, { window: n, unit: 'hours' }, zone);
      const statutory = localMidnight(addDays(localDate(ms, zone), 61), zone);
      assert.equal(Date.parse(d.windowDueAt) - ms, n * HOUR);
      // Only a spring-forward within the 60 days and a discovery in the last hour of its local day push 1440 hours past the 60th day.
      assert.equal(d.capped, ms + n * HOUR > statutory);
      if (!d.capped) {
        assert.equal(Date.parse(d.dueAt) - ms, n * HOUR);
        assert.equal(d.dueOn, localDate(Date.parse(d.dueAt), zone));
      } else assert.equal(Date.parse(d.dueAt), statutory);
    }),
    RUNS,
  );
});

test('a longer window never gives an earlier deadline', () => {
  fc.assert(
    fc.property(discovery, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.constantFrom<NoticeUnit>('calendar_days', 'business_days', 'hours'), ({ zone, iso: at }, a, b, unit) => {
      const [short, long] = a <= b ? [a, b] : [b, a];
      const first = noticeDeadline(at, { window: short, unit }, zone);
      const second = noticeDeadline(at, { window: long, unit }, zone);
      assert.ok(Date.parse(first.dueAt) <= Date.parse(second.dueAt));
    }),
    RUNS,
  );
});

test('a later discovery never gives an earlier deadline', () => {
  const pair = zoneArb.chain((zone) => fc.tuple(fc.constant(zone), instantIn(zone), fc.oneof(fc.integer({ min: 0, max: 2 * HOUR }), fc.integer({ min: 0, max: 3 * DAY }))));
  fc.assert(
    fc.property(pair, fc.integer({ min: 1, max: 100 }), fc.constantFrom<NoticeUnit>('calendar_days', 'business_days', 'hours'), ([zone, ms, gap], n, unit) => {
      const earlier = noticeDeadline(iso(ms), { window: n, unit }, zone);
      const later = noticeDeadline(iso(ms + gap), { window: n, unit }, zone);
      assert.ok(Date.parse(earlier.dueAt) <= Date.parse(later.dueAt));
    }),
    RUNS,
  );
});

const termsArb = fc.record({ window: fc.integer({ min: 1, max: 90 }), unit: fc.constantFrom<NoticeUnit>('calendar_days', 'business_days', 'hours') });

test('a written law-enforcement delay stated between discovery and the deadline moves the deadline by exactly its length', () => {
  fc.assert(
    fc.property(discovery, termsArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 * DAY }), ({ zone, ms, iso: at }, terms, where, length) => {
      const plain = noticeDeadline(at, terms, zone);
      const due = Date.parse(plain.dueAt);
      const statedAt = Math.min(due - 1, ms + Math.floor((due - ms) * where));
      const delay: LawEnforcementDelay = { kind: 'written', statedAt: iso(statedAt), until: iso(statedAt + length) };
      const delayed = noticeDeadline(at, terms, zone, delay);
      assert.equal(delayed.delayedMs, length);
      assert.equal(Date.parse(delayed.dueAt) - due, length);
      assert.equal(delayed.windowDueAt, plain.windowDueAt);
      assert.equal(delayed.capped, plain.capped);
      assert.equal(delayed.dueOn, localDate(Date.parse(delayed.dueAt) - 1, zone));
    }),
    RUNS,
  );
});

test('an oral law-enforcement delay moves the deadline by at most 30 days from the statement', () => {
  fc.assert(
    fc.property(discovery, termsArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 90 * DAY }), ({ zone, ms, iso: at }, terms, where, length) => {
      const plain = noticeDeadline(at, terms, zone);
      const due = Date.parse(plain.dueAt);
      const statedAt = Math.min(due - 1, ms + Math.floor((due - ms) * where));
      const delayed = noticeDeadline(at, terms, zone, { kind: 'oral', statedAt: iso(statedAt), until: iso(statedAt + length) });
      assert.equal(delayed.delayedMs, Math.min(length, ORAL_DELAY_DAYS * DAY));
      assert.equal(Date.parse(delayed.dueAt) - due, delayed.delayedMs);
    }),
    RUNS,
  );
});

test("an oral delay's thirty days do not depend on the host's time zone", () => {
  const previous = Settings.defaultZone;
  try {
    fc.assert(
      fc.property(discovery, fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC'), ({ zone, ms, iso: at }, host) => {
        const due = statutoryEnd(at, zone);
        const delay: LawEnforcementDelay = { kind: 'oral', statedAt: at, until: iso(ms + 90 * DAY) };
        Settings.defaultZone = host;
        const delayed = delayMs(at, due, delay);
        Settings.defaultZone = previous;
        assert.equal(delayed, ORAL_DELAY_DAYS * DAY);
      }),
      { numRuns: 100 },
    );
  } finally {
    Settings.defaultZone = previous;
  }
});

test('a law-enforcement statement made at or after the deadline moves nothing, and no delay is ever negative', () => {
  fc.assert(
    fc.property(discovery, termsArb, fc.integer({ min: 0, max: 100 * DAY }), fc.integer({ min: -100 * DAY, max: 100 * DAY }), fc.constantFrom<'written' | 'oral'>('written', 'oral'), ({ zone, iso: at }, terms, after, length, kind) => {
      const plain = noticeDeadline(at, terms, zone);
      const statedAt = Date.parse(plain.dueAt) + after;
      const late = noticeDeadline(at, terms, zone, { kind, statedAt: iso(statedAt), until: iso(statedAt + Math.abs(length)) });
      assert.deepEqual(late, plain);
    }),
    RUNS,
  );
  fc.assert(
    fc.property(discovery, termsArb, fc.integer({ min: -100 * DAY, max: 100 * DAY }), fc.integer({ min: -100 * DAY, max: 100 * DAY }), fc.constantFrom<'written' | 'oral'>('written', 'oral'), ({ zone, ms, iso: at }, terms, start, length, kind) => {
      const plain = noticeDeadline(at, terms, zone);
      const d = noticeDeadline(at, terms, zone, { kind, statedAt: iso(ms + start), until: iso(ms + start + length) });
      assert.ok(d.delayedMs >= 0);
      assert.equal(Date.parse(d.dueAt) - Date.parse(plain.dueAt), d.delayedMs);
    }),
    RUNS,
  );
});

const withDeadline = fc.tuple(discovery, termsArb).map(([disc, terms]) => ({ ...disc, dueAt: noticeDeadline(disc.iso, terms, disc.zone).dueAt }));

test('reminders fall between discovery and the deadline, half before 80%, and a day before the deadline when that is not before discovery', () => {
  fc.assert(
    fc.property(withDeadline, ({ ms, iso: at, dueAt }) => {
      const times = reminderTimes(at, dueAt);
      const due = Date.parse(dueAt);
      const span = due - ms;
      assert.deepEqual(
        times.map((t) => t.step),
        [50, 80, 100].filter((s) => s !== 100 || span >= DAY),
      );
      for (const t of times) {
        assert.ok(Date.parse(t.at) >= ms);
        assert.ok(Date.parse(t.at) < due);
      }
      const at50 = Date.parse(times.find((t) => t.step === 50)!.at);
      const at80 = Date.parse(times.find((t) => t.step === 80)!.at);
      assert.ok(at50 < at80);
      assert.equal(at50, Math.trunc(ms + span * 0.5));
      if (span >= DAY) assert.equal(Date.parse(times.find((t) => t.step === 100)!.at), due - DAY);
    }),
    RUNS,
  );
});

test('the reminder step due is null before the first reminder and from the deadline on, and never goes down as time passes before it', () => {
  fc.assert(
    fc.property(withDeadline, fc.array(fc.double({ min: -0.2, max: 1.2, noNaN: true }), { minLength: 2, maxLength: 12 }), ({ ms, iso: at, dueAt }, fractions) => {
      const due = Date.parse(dueAt);
      const span = due - ms;
      const times = reminderTimes(at, dueAt);
      const first = Math.min(...times.map((t) => Date.parse(t.at)));
      // With two days or more to go, the first reminder is the one at half time.
      if (span >= 2 * DAY) assert.equal(first, Date.parse(times.find((t) => t.step === 50)!.at));
      const nows = [...fractions.map((f) => Math.round(ms + span * f)), first - 1, first, due - 1, due, due + 1].sort((a, b) => a - b);
      let last = 0;
      for (const now of nows) {
        const step = dueReminderStep(at, dueAt, new Date(now));
        if (now >= due || now < first) {
          assert.equal(step, null);
          continue;
        }
        assert.notEqual(step, null);
        const expected = Math.max(...times.filter((t) => Date.parse(t.at) <= now).map((t) => t.step));
        assert.equal(step, expected);
        assert.ok(step! >= last);
        last = step!;
      }
    }),
    RUNS,
  );
});

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

test("the client's own dates: individuals within 60 local days, HHS by 1 March (29 February in a leap year) under 500, media over 500", () => {
  fc.assert(
    fc.property(discovery, fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom(1, 499, 500, 501)), ({ zone, ms, iso: at }, individuals) => {
      const dates = clientDates(at, individuals, zone);
      const discoveredOn = localDate(ms, zone);
      assert.equal(dates.individualsBy, addDays(discoveredOn, 60));
      const next = Number(discoveredOn.slice(0, 4)) + 1;
      assert.equal(dates.hhsBy, individuals >= 500 ? dates.individualsBy : isLeap(next) ? `${next}-02-29` : `${next}-03-01`);
      assert.equal(dates.mediaRequired, individuals > 500);
    }),
    RUNS,
  );
});

test('ten calendar days from the afternoon before the spring-forward in Chicago end at midnight CDT', () => {
  // 2026-03-07T20:00Z is 14:00 CST (UTC−6) on Saturday 7 March; DST starts on the 8th.
  assert.deepEqual(noticeDeadline('2026-03-07T20:00:00Z', { window: 10, unit: 'calendar_days' }, 'America/Chicago'), {
    dueAt: '2026-03-18T05:00:00.000Z',
    dueOn: '2026-03-17',
    windowDueAt: '2026-03-18T05:00:00.000Z',
    capped: false,
    delayedMs: 0,
  });
  // The same instant written with its local offset is the same discovery.
  assert.equal(noticeDeadline('2026-03-07T14:00:00-06:00', { window: 10, unit: 'calendar_days' }, 'America/Chicago').dueAt, '2026-03-18T05:00:00.000Z');
});

test('five business days from a Saturday end after the Friday that follows', () => {
  const d = noticeDeadline('2026-03-07T20:00:00Z', { window: 5, unit: 'business_days' }, 'America/Chicago');
  assert.equal(d.dueOn, '2026-03-13');
  assert.equal(d.dueAt, '2026-03-14T05:00:00.000Z');
  assert.equal(d.capped, false);
});

test('72 hours across the spring-forward are 72 elapsed hours', () => {
  const d = noticeDeadline('2026-03-07T20:00:00Z', { window: 72, unit: 'hours' }, 'America/Chicago');
  assert.equal(d.dueAt, '2026-03-10T20:00:00.000Z');
  assert.equal(d.dueOn, '2026-03-10');
  assert.equal(d.capped, false);
});

test('a 90-day window is cut to the end of the 60th local day', () => {
  // 7 March + 60 days is 6 May; + 91 days is 6 June; both in CDT.
  assert.deepEqual(noticeDeadline('2026-03-07T20:00:00Z', { window: 90, unit: 'calendar_days' }, 'America/Chicago'), {
    dueAt: '2026-05-07T05:00:00.000Z',
    dueOn: '2026-05-06',
    windowDueAt: '2026-06-06T05:00:00.000Z',
    capped: true,
    delayedMs: 0,
  });
});

test('1440 hours from 23:30 before a spring-forward overrun the 60th day by half an hour and are capped', () => {
  // 2026-03-02T05:30Z is 23:30 CST on 1 March; 60 days later is 30 April; 1440 h later is 00:30 CDT on 1 May.
  const d = noticeDeadline('2026-03-02T05:30:00Z', { window: 1440, unit: 'hours' }, 'America/Chicago');
  assert.deepEqual(d, { dueAt: '2026-05-01T05:00:00.000Z', dueOn: '2026-04-30', windowDueAt: '2026-05-01T05:30:00.000Z', capped: true, delayedMs: 0 });
});

test('five calendar days across the fall-back in New York end at midnight EST', () => {
  // 2026-10-30T16:00Z is 12:00 EDT; DST ends on Sunday 1 November.
  const d = noticeDeadline('2026-10-30T16:00:00Z', { window: 5, unit: 'calendar_days' }, 'America/New_York');
  assert.equal(d.dueOn, '2026-11-04');
  assert.equal(d.dueAt, '2026-11-05T05:00:00.000Z');
});

test("a day's window counts from the client's local day, not the UTC one", () => {
  // 2026-01-01T05:00Z is 21:00 PST on 31 December 2025.
  const d = noticeDeadline('2026-01-01T05:00:00Z', { window: 1, unit: 'calendar_days' }, 'America/Los_Angeles');
  assert.equal(d.dueOn, '2026-01-01');
  assert.equal(d.dueAt, '2026-01-02T08:00:00.000Z');
  // On Lord Howe, 23:30 LHST (UTC+10:30) on 3 October 2026, before the half-hour spring-forward of the 4th.
  const lh = noticeDeadline('2026-10-03T13:00:00Z', { window: 1, unit: 'calendar_days' }, 'Australia/Lord_Howe');
  assert.equal(lh.dueOn, '2026-10-04');
  assert.equal(lh.dueAt, '2026-10-04T13:00:00.000Z');
});

test('a written delay of 30 days moves the deadline by 720 hours and an oral one asking for longer is cut to 30 days', () => {
  const terms = { window: 10, unit: 'calendar_days' } as const;
  const written = noticeDeadline('2026-03-07T20:00:00Z', terms, 'America/Chicago', { kind: 'written', statedAt: '2026-03-10T15:00:00Z', until: '2026-04-09T15:00:00Z' });
  assert.deepEqual(written, { dueAt: '2026-04-17T05:00:00.000Z', dueOn: '2026-04-16', windowDueAt: '2026-03-18T05:00:00.000Z', capped: false, delayedMs: 30 * DAY });
  const oral = noticeDeadline('2026-03-07T20:00:00Z', terms, 'America/Chicago', { kind: 'oral', statedAt: '2026-03-10T15:00:00Z', until: '2026-06-01T00:00:00Z' });
  assert.deepEqual(oral, written);
  const late = noticeDeadline('2026-03-07T20:00:00Z', terms, 'America/Chicago', { kind: 'written', statedAt: '2026-03-18T05:00:00Z', until: '2026-06-01T00:00:00Z' });
  assert.equal(late.dueAt, '2026-03-18T05:00:00.000Z');
  assert.equal(late.delayedMs, 0);
});

test('reminders for ten days and nine hours fall at half, 80% and a day before', () => {
  // 249 hours: half is 124.5 h, 80% is 199.2 h after 2026-03-07T20:00Z.
  assert.deepEqual(reminderTimes('2026-03-07T20:00:00Z', '2026-03-18T05:00:00.000Z'), [
    { step: 50, at: '2026-03-13T00:30:00.000Z' },
    { step: 80, at: '2026-03-16T03:12:00.000Z' },
    { step: 100, at: '2026-03-17T05:00:00.000Z' },
  ]);
  const step = (now: string) => dueReminderStep('2026-03-07T20:00:00Z', '2026-03-18T05:00:00.000Z', new Date(now));
  assert.equal(step('2026-03-13T00:29:59.999Z'), null);
  assert.equal(step('2026-03-13T00:30:00.000Z'), 50);
  assert.equal(step('2026-03-16T03:12:00.000Z'), 80);
  assert.equal(step('2026-03-17T05:00:00.000Z'), 100);
  assert.equal(step('2026-03-18T05:00:00.000Z'), null);
});

test("the client's HHS date for a small breach is 1 March, or 29 February before a leap year, on the client's local year", () => {
  // 21:00 PST on 31 December 2025: individuals by 1 March 2026; HHS 60 days after 31 December 2025 is 1 March 2026 too.
  assert.deepEqual(clientDates('2026-01-01T05:00:00Z', 10, 'America/Los_Angeles'), { individualsBy: '2026-03-01', hhsBy: '2026-03-01', mediaRequired: false });
  assert.deepEqual(clientDates('2027-06-15T12:00:00Z', 100, 'UTC'), { individualsBy: '2027-08-14', hhsBy: '2028-02-29', mediaRequired: false });
  // 01:30 IST on 1 January 2027: the local year is 2027, so HHS by 29 February 2028.
  assert.equal(clientDates('2026-12-31T20:00:00Z', 499, 'Asia/Kolkata').hhsBy, '2028-02-29');
  assert.deepEqual(clientDates('2027-06-15T12:00:00Z', 500, 'UTC'), { individualsBy: '2027-08-14', hhsBy: '2027-08-14', mediaRequired: false });
  assert.equal(clientDates('2027-06-15T12:00:00Z', 501, 'UTC').mediaRequired, true);
});
