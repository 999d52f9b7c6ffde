/**
 * A person's on-call shifts as an iCalendar feed (RFC 5545) their phone's calendar subscribes
 * to. The feed leaves the building on every refresh, so it carries the client's name, the role
 * and the rotation, and nothing else: no patient, no message, no phone number, no person's name.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { IANAZone } from 'luxon';
import { invalidField } from '../../platform/http/errors.ts';

export interface CalendarShift {
  /** Stable per shift and person, so a calendar updates the event rather than adding another. */
  uid: string;
  start: Date;
  end: Date;
  clientName: string;
  role: 'primary' | 'backup';
  rotationName: string | null;
}

export interface ShiftsCalendarInput {
  personName?: never; // the feed never names its owner
  calendarName: string;
  shifts: CalendarShift[];
  /** The zone calendars should show the shifts in (X-WR-TIMEZONE); the times themselves are always UTC. */
  zone?: string;
}

/** How often subscribed calendars should fetch the feed again, in seconds. */
const REFRESH_SECONDS = 3600;

/** The iCalendar text of a person's shifts, every time in UTC (`…Z`). */
export function shiftsCalendar(input: ShiftsCalendarInput): string {
  if (input.zone !== undefined && !IANAZone.isValidZone(input.zone)) throw invalidField('zone', 'The time zone is not one we recognise.');
  // ical-generator's own `timezone` option writes local times from the server's clock unless a
  // VTIMEZONE generator is given, so the events stay in UTC and the zone is only a display hint.
  const calendar = ical({ name: input.calendarName, prodId: { company: 'Ringfence', product: 'On call', language: 'EN' }, method: ICalCalendarMethod.PUBLISH, ttl: REFRESH_SECONDS });
  const shifts = [...input.shifts].sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  for (const shift of shifts) {
    if (!(shift.end.getTime() > shift.start.getTime())) throw invalidField('shifts', 'Each shift must end after it starts.');
    calendar.createEvent({
      id: shift.uid,
      start: shift.start,
      end: shift.end,
      summary: `On call: ${shift.clientName} (${shift.role})`,
      description: shift.rotationName === null ? null : `Rotation: ${shift.rotationName}`,
    });
  }
  const text = calendar.toString();
  if (input.zone === undefined) return text;
  // Calendar properties come before the first component (RFC 5545 §3.4); ical-generator writes
  // extra properties after the events, so the hint is placed here.
  const at = text.search(/BEGIN:VEVENT\r\n|END:VCALENDAR/);
  return `${text.slice(0, at)}X-WR-TIMEZONE:${input.zone}\r\n${text.slice(at)}`;
}
