import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../platform/http/errors.ts';
import { shiftsCalendar, type CalendarShift } from './calendar-feed.ts';

/** The unfolded content lines of an iCalendar text (RFC 5545 §3.1: a CRLF followed by a space continues the line). */
const lines = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
const events = (text: string) => text.split('BEGIN:VEVENT').slice(1).map((e) => lines(`BEGIN:VEVENT${e.split('END:VEVENT')[0]}`));
const prop = (event: string[], name: string) => event.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, '');

const shifts: CalendarShift[] = [
  { uid: 'shift-2@ringfence', start: new Date('2027-11-06T23:00:00Z'), end: new Date('2027-11-07T12:00:00Z'), clientName: 'Lakeside Pediatrics', role: 'backup', rotationName: null },
  { uid: 'shift-1@ringfence', start: new Date('2027-03-14T00:00:00Z'), end: new Date('2027-03-14T11:00:00Z'), clientName: 'Hill, Dale; Partners', role: 'primary', rotationName: 'Weeknights' },
];

test('a calendar of shifts: one event each, times in UTC, summary and rotation only', () => {
  const text = shiftsCalendar({ calendarName: 'On call (Ringfence)', shifts, zone: 'America/New_York' });
  const all = lines(text);
  assert.equal(all[0], 'BEGIN:VCALENDAR');
  assert.equal(all.at(-1), 'END:VCALENDAR');
  assert.ok(all.includes('VERSION:2.0'));
  assert.ok(all.includes('X-WR-CALNAME:On call (Ringfence)'));
  assert.ok(all.includes('METHOD:PUBLISH'));
  assert.ok(all.indexOf('X-WR-TIMEZONE:America/New_York') > 0 && all.indexOf('X-WR-TIMEZONE:America/New_York') < all.indexOf('BEGIN:VEVENT'), 'the zone hint is a calendar property, before the events');
  assert.equal((text.match(/BEGIN:VEVENT/g) ?? []).length, 2);
  assert.equal((text.match(/END:VEVENT/g) ?? []).length, 2);
  const [first, second] = events(text);
  // Sorted by start; UTC "Z" form, whatever the server's own zone.
  assert.equal(prop(first!, 'UID'), 'shift-1@ringfence');
  assert.equal(prop(first!, 'DTSTART'), '20270314T000000Z');
  assert.equal(prop(first!, 'DTEND'), '20270314T110000Z');
  assert.equal(prop(first!, 'SUMMARY'), 'On call: Hill\\, Dale\\; Partners (primary)', 'text escaped');
  assert.equal(prop(first!, 'DESCRIPTION'), 'Rotation: Weeknights');
  assert.equal(prop(second!, 'UID'), 'shift-2@ringfence');
  assert.equal(prop(second!, 'DTSTART'), '20271106T230000Z');
  assert.equal(prop(second!, 'DTEND'), '20271107T120000Z');
  assert.equal(prop(second!, 'SUMMARY'), 'On call: Lakeside Pediatrics (backup)');
  assert.equal(prop(second!, 'DESCRIPTION'), undefined, 'no description without a rotation');
  for (const event of [first!, second!]) {
    assert.ok(event.every((l) => !l.includes('TZID')), 'no local times');
    // Only these properties: nothing else can carry a patient's or a person's details.
    assert.deepEqual(
      [...new Set(event.map((l) => l.split(/[:;]/)[0]))].filter((n) => !['BEGIN', 'END', 'UID', 'SEQUENCE', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION'].includes(n!)),
      [],
    );
  }
});

test('an empty feed is still a calendar; without a zone there is no zone hint', () => {
  const text = shiftsCalendar({ calendarName: 'On call', shifts: [] });
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(text.trimEnd().endsWith('END:VCALENDAR'));
  assert.ok(!text.includes('BEGIN:VEVENT'));
  assert.ok(!text.includes('X-WR-TIMEZONE'));
  const hinted = shiftsCalendar({ calendarName: 'On call', shifts: [], zone: 'Europe/London' });
  assert.ok(lines(hinted).includes('X-WR-TIMEZONE:Europe/London'));
  assert.equal(lines(hinted).at(-1), 'END:VCALENDAR');
});

test('malformed input is refused', () => {
  assert.throws(() => shiftsCalendar({ calendarName: 'x', shifts: [], zone: 'Nowhere/Special\r\nX-EVIL:1' }), (e: unknown) => e instanceof AppError && e.field === 'zone');
  const backwards = { ...shifts[0]!, end: shifts[0]!.start };
  assert.throws(() => shiftsCalendar({ calendarName: 'x', shifts: [backwards] }), (e: unknown) => e instanceof AppError && e.field === 'shifts');
});
