/**
 * On-call schedules: who a client's calls page at any instant. A schedule is rotations of
 * repeating shift rules plus one-off overrides, all written in the client's wall clock, never
 * as durations, so a night shift stays 19:00 to 07:00 on the nights the clocks change (11 real
 * hours on the spring-forward night in New York, 13 on the fall-back night). Pure functions:
 * the schedule document comes in, instants and people ids go out.
 *
 * Wall clock to instant: a wall-clock time names the earliest instant at which the client's
 * clock reads that time or later. A time the clocks skip (02:30 on a spring-forward day in New
 * York) therefore starts at the first instant after the skip (03:00 EDT), and a time that
 * happens twice (01:30 on a fall-back night) is its first, earlier occurrence (01:30 EDT).
 * luxon's `DateTime.fromObject` answers differently on both (03:30 EDT, and the later 01:30
 * EST), so the conversion here is built on luxon's zone offsets instead (`IANAZone.offset`).
 *
 * Every interval is [start, end): start included, end excluded.
 */
import { IANAZone } from 'luxon';
import rrulePkg from 'rrule';
import type { Options as RRuleOptions } from 'rrule';
import { invalidField } from '../../platform/http/errors.ts';
import type { CallbackPolicy } from '../tasks/index.ts';

// rrule ships CommonJS without an exports map: Node's ESM loader offers its default export only.
const { RRule } = rrulePkg;

export type Wall = string; // 'HH:MM' 24-hour wall-clock time in the client's zone
export interface ShiftRule {
  id: string;
  /** RFC 5545 RRULE body without DTSTART, UNTIL or COUNT: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'. */
  rrule: string;
  /** 'YYYY-MM-DD', the first local day the rule may start a shift (its DTSTART day). */
  startDate: string;
  /** The last local day a shift may start on, inclusive, or null. */
  untilDate: string | null;
  start: Wall;
  /** end <= start means the next local day: 19:00→07:00 is a night shift, start == end is 24 hours. */
  end: Wall;
  primary: string;
  backups: string[];
}
export interface Rotation {
  id: string;
  name: string;
  shifts: ShiftRule[];
}
export interface Override {
  id: string;
  /** Local wall-clock 'YYYY-MM-DDTHH:MM' in the client's zone. */
  start: string;
  end: string;
  primary: string;
  /** null: keep the backups the rules give for the instant. */
  backups: string[] | null;
  kind: 'cover' | 'swap';
  note?: never; // no free text in schedules
}
export interface ScheduleDocument {
  rotations: Rotation[];
  overrides: Override[];
}
export type Source = { kind: 'rule'; rotationId: string; rotationName: string; shiftId: string } | { kind: 'override'; overrideId: string };
export interface Coverage {
  start: Date;
  end: Date;
  primary: string;
  backups: string[];
  source: Source;
}
/** Who is on call at one instant. */
export interface OnCall {
  primary: string;
  backups: string[];
  source: Source;
}
/** A client's opening hours, per ISO weekday, as the callback policy stores them (tasks/policy.ts). */
export type BusinessHours = CallbackPolicy['businessHours'];
export type RequiredKind = 'always' | 'outside_business_hours';
export interface Interval {
  start: Date;
  end: Date;
}
export interface CoverageGap {
  start: Date;
  end: Date;
  reason: 'uncovered' | 'unreachable';
  personId?: string;
}
export interface CoverageOverlap {
  start: Date;
  end: Date;
  sources: Source[];
}
export interface CoverageCheck {
  gaps: CoverageGap[];
  overlaps: CoverageOverlap[];
}
export interface CoverageCheckOptions {
  /** The intervals that must be covered within [from, to), such as `requiredWindows(...)`. */
  required: (from: Date, to: Date) => Interval[];
  /** False for a person with no verified contact point a vendor may carry. */
  reachable: (personId: string) => boolean;
}

export const SCHEDULE_LIMITS = { rotations: 20, shifts: 50, overrides: 500, backups: 10, overrideDays: 31, idLength: 100, nameLength: 100 } as const;

const MINUTE = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Zone clocks: luxon's offsets, remembered per UTC day (formatting a date for every lookup costs
// microseconds, and "who is on call" must answer in well under a millisecond).

interface Transition {
  before: number;
  after: number;
  at: number;
}
interface ZoneClock {
  zone: IANAZone;
  days: Map<number, number | Transition>;
}
const clocks = new Map<string, ZoneClock>();
const CLOCK_LIMIT = 1000;
const CLOCK_DAYS_LIMIT = 50_000;

function clockOf(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (clock === undefined) {
    if (typeof zone !== 'string' || !IANAZone.isValidZone(zone)) throw invalidField('zone', 'The time zone is not one we recognise.');
    if (clocks.size >= CLOCK_LIMIT) clocks.clear();
    clock = { zone: IANAZone.create(zone), days: new Map() };
    clocks.set(zone, clock);
  }
  return clock;
}

/** The offsets of one UTC day; two changes within one day are assumed never to happen. */
function dayOffsets(zone: IANAZone, day: number): number | Transition {
  let lo = day * DAY;
  let hi = lo + DAY;
  const before = zone.offset(lo);
  if (zone.offset(hi) === before) return before;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return { before, after: zone.offset(hi), at: hi };
}

/** The zone's offset from UTC in minutes at the instant `ms`. */
function offsetAt(clock: ZoneClock, ms: number): number {
  const day = Math.floor(ms / DAY);
  let known = clock.days.get(day);
  if (known === undefined) {
    known = dayOffsets(clock.zone, day);
    if (clock.days.size >= CLOCK_DAYS_LIMIT) clock.days.clear();
    clock.days.set(day, known);
  }
  return typeof known === 'number' ? known : ms < known.at ? known.before : known.after;
}

/** The wall clock at `ms`, as milliseconds of a UTC date with the same fields. */
function wallOf(clock: ZoneClock, ms: number): number {
  return ms + offsetAt(clock, ms) * MINUTE;
}

/** The earliest instant at which the clock reads `wall` or later (see the file comment). */
function instantOf(clock: ZoneClock, wall: number): number {
  const offsets = [offsetAt(clock, wall - DAY), offsetAt(clock, wall), offsetAt(clock, wall + DAY)];
  // A larger offset puts the same wall time at an earlier instant: try those first.
  const candidates = [...new Set(offsets)].sort((a, b) => b - a);
  for (const offset of candidates) {
    const ms = wall - offset * MINUTE;
    if (offsetAt(clock, ms) === offset) return ms;
  }
  // The clocks skip `wall`: find the first instant whose clock reads past it.
  let lo = wall - Math.max(...offsets) * MINUTE;
  let hi = wall - Math.min(...offsets) * MINUTE;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallOf(clock, mid) < wall) lo = mid;
    else hi = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Parsing the document's texts.

const WALL = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TEXT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

function wallMinutes(text: unknown): number | null {
  const m = typeof text === 'string' ? WALL.exec(text) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function utcDay(year: number, month: number, day: number): number | null {
  if (year < 1900) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() / DAY : null;
}

/** 'YYYY-MM-DD' as a day number (days since 1970-01-01), or null. */
function dayNumber(text: unknown): number | null {
  const m = typeof text === 'string' ? DATE_TEXT.exec(text) : null;
  return m ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** 'YYYY-MM-DDTHH:MM' as wall milliseconds, or null. */
function localWall(text: unknown): number | null {
  const m = typeof text === 'string' ? LOCAL_TEXT.exec(text) : null;
  const day = m ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return m && day !== null ? day * DAY + (Number(m[4]) * 60 + Number(m[5])) * MINUTE : null;
}

function wallText(wall: number): string {
  return new Date(wall).toISOString().slice(0, 16);
}

/** The instant a local wall-clock time 'YYYY-MM-DDTHH:MM' names in `zone` (skipped times move forward, repeated times take the first). */
export function localToInstant(zone: string, local: string): Date {
  const wall = localWall(local);
  if (wall === null) throw invalidField('local', 'The time must be written as a date and a time of day, such as 2027-03-14T19:00.');
  return new Date(instantOf(clockOf(zone), wall));
}

/** The local wall-clock time 'YYYY-MM-DDTHH:MM' at `at` in `zone`. */
export function instantToLocal(zone: string, at: Date): string {
  return wallText(wallOf(clockOf(zone), msOf(at, 'at')));
}

function msOf(date: Date, field: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw invalidField(field, 'The time is not a valid date.');
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Occurrence days of a rule, from rrule, treated as floating: a UTC dtstart at 00:00 on the
// start day, and each occurrence read back as a year-month-day.

interface RuleDays {
  options: Partial<RRuleOptions>;
  /** Days after which a DAILY or WEEKLY rule repeats exactly; 0 for the others. */
  period: number;
  startDay: number;
  chunks: Map<number, Set<number>>;
}
const ruleDaysCache = new Map<string, RuleDays>();
const RULE_CACHE_LIMIT = 5000;
const CHUNK_DAYS = 128;
const CHUNKS_PER_RULE = 64;

function ruleDaysOf(rrule: string, startDay: number): RuleDays {
  const key = `${startDay}|${rrule}`;
  let known = ruleDaysCache.get(key);
  if (known === undefined) {
    const options = RRule.parseString(rrule);
    const freq = options.freq;
    if (freq === undefined || freq > RRule.DAILY || options.count != null || options.until != null || options.dtstart != null) throw new Error('schedule rule not validated');
    const interval = Number(options.interval ?? 1);
    const period = freq === RRule.DAILY ? interval : freq === RRule.WEEKLY ? 7 * interval : 0;
    if (ruleDaysCache.size >= RULE_CACHE_LIMIT) ruleDaysCache.clear();
    known = { options, period, startDay, chunks: new Map() };
    ruleDaysCache.set(key, known);
  }
  return known;
}

function expandChunk(rule: RuleDays, chunk: number): Set<number> {
  const first = chunk * CHUNK_DAYS;
  const last = first + CHUNK_DAYS - 1;
  // rrule iterates from dtstart: a daily rule begun years ago would walk every day since. With
  // no COUNT, a DAILY or WEEKLY rule gives the same days from any dtstart a whole number of
  // periods later (the same weekday, the same weeks), so start it shortly before the chunk.
  let dtstart = rule.startDay;
  if (rule.period > 0 && first - 14 > dtstart) dtstart += Math.floor((first - 14 - dtstart) / rule.period) * rule.period;
  const expander = new RRule({ ...rule.options, dtstart: new Date(dtstart * DAY) }, true);
  const days = new Set<number>();
  for (const date of expander.between(new Date(first * DAY), new Date(last * DAY), true)) days.add(Math.floor(date.getTime() / DAY));
  return days;
}

function occursOn(rule: RuleDays, day: number): boolean {
  if (day < rule.startDay) return false;
  const chunk = Math.floor(day / CHUNK_DAYS);
  let days = rule.chunks.get(chunk);
  if (days === undefined) {
    days = expandChunk(rule, chunk);
    if (rule.chunks.size >= CHUNKS_PER_RULE) rule.chunks.clear();
    rule.chunks.set(chunk, days);
  }
  return days.has(day);
}

// ---------------------------------------------------------------------------------------------
// Shifts and overrides as instants.

interface CompiledShift {
  /** Rotation order, then shift order: ties between shifts go to the lower. */
  order: number;
  rotation: Rotation;
  shift: ShiftRule;
  startDay: number;
  untilDay: number;
  startMinutes: number;
  endMinutes: number;
  overnight: boolean;
  days: RuleDays;
}

interface Instance {
  start: number;
  end: number;
  shift: CompiledShift;
}

interface OverrideSpan {
  start: number;
  end: number;
  index: number;
  override: Override;
}

function compileShifts(doc: ScheduleDocument): CompiledShift[] {
  const out: CompiledShift[] = [];
  for (const [r, rotation] of doc.rotations.entries()) {
    for (const [s, shift] of rotation.shifts.entries()) {
      const field = `rotations[${r}].shifts[${s}]`;
      const startDay = dayNumber(shift.startDate);
      const untilDay = shift.untilDate === null ? Number.POSITIVE_INFINITY : dayNumber(shift.untilDate);
      const startMinutes = wallMinutes(shift.start);
      const endMinutes = wallMinutes(shift.end);
      if (startDay === null) throw invalidField(`${field}.startDate`, 'The first day must be a date written YYYY-MM-DD.');
      if (untilDay === null) throw invalidField(`${field}.untilDate`, 'The last day must be a date written YYYY-MM-DD.');
      if (startMinutes === null) throw invalidField(`${field}.start`, 'The start must be a time of day written HH:MM.');
      if (endMinutes === null) throw invalidField(`${field}.end`, 'The end must be a time of day written HH:MM.');
      out.push({ order: out.length, rotation, shift, startDay, untilDay, startMinutes, endMinutes, overnight: endMinutes <= startMinutes, days: ruleDaysOf(shift.rrule, startDay) });
    }
  }
  return out;
}

function instanceOn(clock: ZoneClock, s: CompiledShift, day: number): Instance | null {
  if (day < s.startDay || day > s.untilDay || !occursOn(s.days, day)) return null;
  const start = instantOf(clock, day * DAY + s.startMinutes * MINUTE);
  const end = instantOf(clock, (s.overnight ? day + 1 : day) * DAY + s.endMinutes * MINUTE);
  // A shift lying wholly in the hour the clocks skip does not take place.
  return end > start ? { start, end, shift: s } : null;
}

/** The rule shifts intersecting [fromMs, toMs). */
function instancesBetween(clock: ZoneClock, shifts: CompiledShift[], fromMs: number, toMs: number): Instance[] {
  // A shift lasts at most a day of wall clock, so one that reaches `fromMs` started on its
  // local day or one of the two before; a day after `toMs` allows for a clock set back at midnight.
  const firstDay = Math.floor(wallOf(clock, fromMs) / DAY) - 2;
  const lastDay = Math.floor(wallOf(clock, toMs) / DAY) + 1;
  const out: Instance[] = [];
  for (const s of shifts) {
    const last = Math.min(lastDay, s.untilDay);
    for (let day = Math.max(firstDay, s.startDay); day <= last; day += 1) {
      const instance = instanceOn(clock, s, day);
      if (instance !== null && instance.start < toMs && instance.end > fromMs) out.push(instance);
    }
  }
  return out;
}

/** The overrides intersecting [fromMs, toMs). */
function overridesBetween(clock: ZoneClock, overrides: Override[], fromMs: number, toMs: number): OverrideSpan[] {
  // Compare the local texts first (two days' margin covers any offset change), convert the few left.
  const lo = wallText(wallOf(clock, fromMs) - 2 * DAY);
  const hi = wallText(wallOf(clock, toMs) + 2 * DAY);
  const out: OverrideSpan[] = [];
  for (const [index, override] of overrides.entries()) {
    if (override.start > hi || override.end < lo) continue;
    const startWall = localWall(override.start);
    const endWall = localWall(override.end);
    if (startWall === null) throw invalidField(`overrides[${index}].start`, 'The start must be a date and time written YYYY-MM-DDTHH:MM.');
    if (endWall === null) throw invalidField(`overrides[${index}].end`, 'The end must be a date and time written YYYY-MM-DDTHH:MM.');
    const start = instantOf(clock, startWall);
    const end = instantOf(clock, endWall);
    if (start < toMs && end > fromMs && end > start) out.push({ start, end, index, override });
  }
  return out;
}

function ruleSource(s: CompiledShift): Source {
  return { kind: 'rule', rotationId: s.rotation.id, rotationName: s.rotation.name, shiftId: s.shift.id };
}

/** The one rule that covers among several: the latest started, then the first in document order. */
function winningRule(rules: Iterable<Instance>): Instance | undefined {
  let best: Instance | undefined;
  for (const r of rules) if (best === undefined || r.start > best.start || (r.start === best.start && r.shift.order < best.shift.order)) best = r;
  return best;
}

/** Who is on call given the rule shifts and overrides covering one instant. coverageAt and timeline both answer through here. */
function resolve(rules: Iterable<Instance>, overrides: Iterable<OverrideSpan>): OnCall | null {
  const rule = winningRule(rules);
  let override: OverrideSpan | undefined;
  for (const o of overrides) if (override === undefined || o.index > override.index) override = o;
  if (override !== undefined) {
    const o = override.override;
    return { primary: o.primary, backups: [...(o.backups ?? rule?.shift.shift.backups ?? [])], source: { kind: 'override', overrideId: o.id } };
  }
  if (rule !== undefined) return { primary: rule.shift.shift.primary, backups: [...rule.shift.shift.backups], source: ruleSource(rule.shift) };
  return null;
}

interface Piece {
  start: number;
  end: number;
  onCall: OnCall | null;
  rules: Instance[];
}

/** [fromMs, toMs) cut at every shift and override boundary, with who is on call in each piece. */
function sweep(doc: ScheduleDocument, zone: string, fromMs: number, toMs: number): Piece[] {
  if (!(toMs > fromMs)) return [];
  const clock = clockOf(zone);
  const rules = instancesBetween(clock, compileShifts(doc), fromMs, toMs);
  const overrides = overridesBetween(clock, doc.overrides, fromMs, toMs);
  type Item = { kind: 'rule'; item: Instance } | { kind: 'override'; item: OverrideSpan };
  const events = new Map<number, { add: Item[]; remove: Item[] }>();
  const at = (t: number) => {
    let e = events.get(t);
    if (e === undefined) {
      e = { add: [], remove: [] };
      events.set(t, e);
    }
    return e;
  };
  at(fromMs);
  at(toMs);
  const items: Item[] = [...rules.map((item) => ({ kind: 'rule' as const, item })), ...overrides.map((item) => ({ kind: 'override' as const, item }))];
  for (const entry of items) {
    at(Math.max(entry.item.start, fromMs)).add.push(entry);
    if (entry.item.end < toMs) at(entry.item.end).remove.push(entry);
  }
  const times = [...events.keys()].sort((a, b) => a - b);
  const activeRules = new Set<Instance>();
  const activeOverrides = new Set<OverrideSpan>();
  const pieces: Piece[] = [];
  for (let i = 0; i < times.length - 1; i += 1) {
    const e = events.get(times[i]!)!;
    for (const r of e.remove) {
      if (r.kind === 'rule') activeRules.delete(r.item);
      else activeOverrides.delete(r.item);
    }
    for (const a of e.add) {
      if (a.kind === 'rule') activeRules.add(a.item);
      else activeOverrides.add(a.item);
    }
    pieces.push({ start: times[i]!, end: times[i + 1]!, onCall: resolve(activeRules, activeOverrides), rules: [...activeRules].sort((a, b) => a.shift.order - b.shift.order || a.start - b.start) });
  }
  return pieces;
}

function sameSource(a: Source, b: Source): boolean {
  return a.kind === 'rule' ? b.kind === 'rule' && a.rotationId === b.rotationId && a.shiftId === b.shiftId && a.rotationName === b.rotationName : b.kind === 'override' && a.overrideId === b.overrideId;
}

function sameOnCall(a: OnCall, b: OnCall): boolean {
  return a.primary === b.primary && a.backups.length === b.backups.length && a.backups.every((p, i) => p === b.backups[i]) && sameSource(a.source, b.source);
}

// ---------------------------------------------------------------------------------------------
// The questions.

/** Every rule-generated shift intersecting [from, to), unclipped, by start then rotation and shift order. */
export function occurrences(doc: ScheduleDocument, zone: string, from: Date, to: Date): Coverage[] {
  const fromMs = msOf(from, 'from');
  const toMs = msOf(to, 'to');
  if (!(toMs > fromMs)) return [];
  const found = instancesBetween(clockOf(zone), compileShifts(doc), fromMs, toMs);
  found.sort((a, b) => a.start - b.start || a.shift.order - b.shift.order);
  return found.map((i) => ({ start: new Date(i.start), end: new Date(i.end), primary: i.shift.shift.primary, backups: [...i.shift.shift.backups], source: ruleSource(i.shift) }));
}

/**
 * Who is on call at `at`: the latest-listed override covering it, else the rule shift covering
 * it that started latest (ties: rotation order, then shift order); null when nobody is. Looks
 * only at the shifts that can reach `at` (started within the two local days before).
 */
export function coverageAt(doc: ScheduleDocument, zone: string, at: Date): OnCall | null {
  const ms = msOf(at, 'at');
  const clock = clockOf(zone);
  return resolve(instancesBetween(clock, compileShifts(doc), ms, ms + 1), overridesBetween(clock, doc.overrides, ms, ms + 1));
}

/** The resolved coverage in [from, to) as non-overlapping segments, the same answer as coverageAt at every instant; nobody on call leaves a hole. */
export function timeline(doc: ScheduleDocument, zone: string, from: Date, to: Date): Coverage[] {
  const out: Coverage[] = [];
  let last: (OnCall & { end: number }) | undefined;
  for (const piece of sweep(doc, zone, msOf(from, 'from'), msOf(to, 'to'))) {
    const onCall = piece.onCall;
    if (onCall === null) continue;
    if (last !== undefined && last.end === piece.start && sameOnCall(last, onCall)) {
      out[out.length - 1]!.end = new Date(piece.end);
      last.end = piece.end;
      continue;
    }
    out.push({ start: new Date(piece.start), end: new Date(piece.end), ...onCall });
    last = { ...onCall, end: piece.end };
  }
  return out;
}

/** Sorted, disjoint intervals from any list, clipped to [fromMs, toMs). */
function unionOf(intervals: Interval[], fromMs: number, toMs: number): { start: number; end: number }[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(msOf(i.start, 'required.start'), fromMs), end: Math.min(msOf(i.end, 'required.end'), toMs) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const i of clipped) {
    const last = out.at(-1);
    if (last !== undefined && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/**
 * Where the schedule fails the client in [from, to): gaps, the parts of the required intervals
 * where nobody is on call ('uncovered') or the person on call cannot be reached ('unreachable':
 * an empty shift), and overlaps, where two or more rule shifts cover at once (an override
 * replacing a shift is intended, so overrides never count).
 */
export function checkCoverage(doc: ScheduleDocument, zone: string, from: Date, to: Date, options: CoverageCheckOptions): CoverageCheck {
  const fromMs = msOf(from, 'from');
  const toMs = msOf(to, 'to');
  const pieces = sweep(doc, zone, fromMs, toMs);
  const required = toMs > fromMs ? unionOf(options.required(from, to), fromMs, toMs) : [];
  const reachable = new Map<string, boolean>();
  const isReachable = (person: string) => {
    let known = reachable.get(person);
    if (known === undefined) {
      known = options.reachable(person);
      reachable.set(person, known);
    }
    return known;
  };

  const gaps: CoverageGap[] = [];
  const addGap = (start: number, end: number, reason: CoverageGap['reason'], personId?: string) => {
    const last = gaps.at(-1);
    if (last !== undefined && last.end.getTime() === start && last.reason === reason && last.personId === personId) last.end = new Date(end);
    else gaps.push(personId === undefined ? { start: new Date(start), end: new Date(end), reason } : { start: new Date(start), end: new Date(end), reason, personId });
  };
  let p = 0;
  for (const r of required) {
    while (p < pieces.length && pieces[p]!.end <= r.start) p += 1;
    for (let q = p; q < pieces.length && pieces[q]!.start < r.end; q += 1) {
      const piece = pieces[q]!;
      const start = Math.max(piece.start, r.start);
      const end = Math.min(piece.end, r.end);
      if (piece.onCall === null) addGap(start, end, 'uncovered');
      else if (!isReachable(piece.onCall.primary)) addGap(start, end, 'unreachable', piece.onCall.primary);
    }
  }

  const overlaps: CoverageOverlap[] = [];
  let lastRules: Instance[] | undefined;
  for (const piece of pieces) {
    if (piece.rules.length < 2) {
      lastRules = undefined;
      continue;
    }
    const last = overlaps.at(-1);
    if (last !== undefined && lastRules !== undefined && last.end.getTime() === piece.start && lastRules.length === piece.rules.length && lastRules.every((r, i) => r === piece.rules[i])) {
      last.end = new Date(piece.end);
    } else {
      overlaps.push({ start: new Date(piece.start), end: new Date(piece.end), sources: piece.rules.map((r) => ruleSource(r.shift)) });
    }
    lastRules = piece.rules;
  }
  return { gaps, overlaps };
}

const ISO_WEEKDAY = (day: number) => ((new Date(day * DAY).getUTCDay() + 6) % 7) + 1;

/** The intervals in [from, to) that must be covered: all of it, or the time the client is closed (business hours are per ISO weekday, open < close, in the client's zone). */
export function requiredWindows(kind: RequiredKind, zone: string, businessHours: BusinessHours, from: Date, to: Date): Interval[] {
  const fromMs = msOf(from, 'from');
  const toMs = msOf(to, 'to');
  if (!(toMs > fromMs)) return [];
  if (kind === 'always') return [{ start: new Date(fromMs), end: new Date(toMs) }];
  const clock = clockOf(zone);
  const firstDay = Math.floor(wallOf(clock, fromMs) / DAY) - 1;
  const lastDay = Math.floor(wallOf(clock, toMs) / DAY) + 1;
  const open: { start: number; end: number }[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const weekday = ISO_WEEKDAY(day);
    for (const hours of businessHours) {
      if (hours.day !== weekday) continue;
      const openAt = wallMinutes(hours.open);
      const closeAt = wallMinutes(hours.close);
      if (openAt === null || closeAt === null) throw invalidField('businessHours', 'Business hours must be times of day written HH:MM.');
      const start = instantOf(clock, day * DAY + openAt * MINUTE);
      const end = instantOf(clock, day * DAY + closeAt * MINUTE);
      if (end > start) open.push({ start, end });
    }
  }
  open.sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let cursor = fromMs;
  for (const o of open) {
    if (o.start > cursor) out.push({ start: new Date(cursor), end: new Date(Math.min(o.start, toMs)) });
    cursor = Math.max(cursor, o.end);
    if (cursor >= toMs) break;
  }
  if (cursor < toMs) out.push({ start: new Date(cursor), end: new Date(toMs) });
  return out.filter((i) => i.end > i.start);
}

// ---------------------------------------------------------------------------------------------
// Validation, for a document about to be saved. Messages are for the person editing the
// schedule; the field path is for the screen.

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'] as const;
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A rule must give its first shift within this many days of its first day. */
const FIRST_SHIFT_WITHIN_DAYS = 8 * 366;

function numberList(value: string, min: number, max: number, signed: boolean): number[] | null {
  const out: number[] = [];
  for (const part of value.split(',')) {
    if (!(signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/).test(part)) return null;
    const n = Number(part);
    if (Math.abs(n) < min || Math.abs(n) > max) return null;
    out.push(n);
  }
  return out;
}

/** What is wrong with a rule's repeat pattern, as a sentence, or null. */
function rruleProblem(text: unknown, startDay: number, untilDay: number | null): string | null {
  if (typeof text !== 'string' || text.trim() === '') return 'Give the shift a repeat pattern, such as every weekday.';
  if (text.length > 200) return 'The repeat pattern is too long.';
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const m = /^([A-Z]+)=([A-Z0-9,+-]+)$/.exec(part);
    if (!m || parts.has(m[1]!)) return 'The repeat pattern could not be read.';
    parts.set(m[1]!, m[2]!);
  }
  if (parts.has('DTSTART') || parts.has('UNTIL') || parts.has('COUNT')) return 'The repeat pattern cannot set its own first day, last day or number of repeats; use the first and last day of the shift instead.';
  if (parts.has('BYHOUR') || parts.has('BYMINUTE') || parts.has('BYSECOND')) return 'The repeat pattern cannot set times of day; use the start and end times of the shift instead.';
  const freq = parts.get('FREQ');
  if (freq === undefined) return 'The repeat pattern must say how often the shift repeats.';
  if (freq === 'HOURLY' || freq === 'MINUTELY' || freq === 'SECONDLY') return 'A shift can repeat at most once a day.';
  if (!(FREQUENCIES as readonly string[]).includes(freq)) return 'The repeat pattern could not be read.';
  const periodic = freq === 'DAILY' || freq === 'WEEKLY';
  for (const key of parts.keys()) if (!['FREQ', 'INTERVAL', 'WKST', 'BYDAY', 'BYMONTH', 'BYMONTHDAY'].includes(key)) return 'The repeat pattern uses a rule we do not support; repeat by day, week, month or year, on chosen weekdays, days of the month or months.';
  const interval = parts.has('INTERVAL') ? numberList(parts.get('INTERVAL')!, 1, 99, false) : [1];
  if (interval === null || interval.length !== 1) return 'The repeat interval must be a whole number from 1 to 99.';
  if (parts.has('WKST') && !(WEEKDAYS as readonly string[]).includes(parts.get('WKST')!)) return 'The first day of the week must be a weekday.';
  let weekdays: string[] | null = null;
  if (parts.has('BYDAY')) {
    weekdays = [];
    for (const day of parts.get('BYDAY')!.split(',')) {
      const m = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
      if (!m) return 'The weekdays of the repeat pattern could not be read.';
      if (m[1] !== undefined && periodic) return 'Only a monthly or yearly pattern can name the first, second or last weekday.';
      if (Number(m[1]) === 0) return 'The weekdays of the repeat pattern could not be read.';
      weekdays.push(m[2]!);
    }
  }
  const months = parts.has('BYMONTH') ? numberList(parts.get('BYMONTH')!, 1, 12, false) : null;
  if (parts.has('BYMONTH') && months === null) return 'The months of the repeat pattern must be numbers from 1 to 12.';
  const monthDays = parts.has('BYMONTHDAY') ? numberList(parts.get('BYMONTHDAY')!, 1, 31, true) : null;
  if (parts.has('BYMONTHDAY')) {
    if (monthDays === null) return 'The days of the month must be numbers from 1 to 31, or -1 to -31 counting from the end.';
    if (periodic) return 'Only a monthly or yearly pattern can name days of the month.';
    if (weekdays !== null) return 'Choose either weekdays or days of the month, not both.';
  }
  const start = new Date(startDay * DAY);
  // Patterns that can never happen send rrule looking until the year 9999: refuse them here.
  if (freq === 'DAILY' && weekdays !== null && interval[0]! % 7 === 0 && !weekdays.includes(WEEKDAYS[ISO_WEEKDAY(startDay) - 1]!)) {
    return 'Repeating every whole number of weeks from the first day, the shift never falls on the chosen weekdays.';
  }
  if (!periodic && weekdays === null) {
    const startMonth = start.getUTCMonth() + 1;
    const step = freq === 'MONTHLY' ? interval[0]! : 12 * interval[0]!;
    const visited = new Set<number>();
    for (let j = 0; j < 12; j += 1) visited.add(((startMonth - 1 + j * step) % 12) + 1);
    // A yearly pattern with no months repeats in the first day's month, or every month when it names days of the month (rrule's defaults).
    const yearlyMonths = monthDays === null ? [startMonth] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const candidates = freq === 'YEARLY' ? (months ?? yearlyMonths) : (months ?? [...visited]).filter((m) => visited.has(m));
    const days = monthDays ?? [start.getUTCDate()];
    if (!candidates.some((m) => days.some((d) => Math.abs(d) <= MONTH_DAYS[m - 1]!))) return 'The repeat pattern never falls on a real date, such as 30 February.';
  }
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(text);
  } catch {
    return 'The repeat pattern could not be read.';
  }
  try {
    const first = new RRule({ ...options, dtstart: start }, true).after(start, true);
    const firstDay = first === null ? null : Math.floor(first.getTime() / DAY);
    if (firstDay === null || firstDay > startDay + FIRST_SHIFT_WITHIN_DAYS) return 'The repeat pattern gives no shift within eight years of its first day.';
    if (untilDay !== null && firstDay > untilDay) return 'The repeat pattern gives no shift between the first and last day.';
  } catch {
    return 'The repeat pattern could not be read.';
  }
  return null;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= SCHEDULE_LIMITS.idLength;
}

function checkPeople(field: string, primary: unknown, backups: unknown, backupsMayBeNull: boolean): void {
  if (!isId(primary)) throw invalidField(`${field}.primary`, 'Choose the person on call.');
  if (backups === null && backupsMayBeNull) return;
  if (!Array.isArray(backups)) throw invalidField(`${field}.backups`, 'The backups must be a list of people, which may be empty.');
  if (backups.length > SCHEDULE_LIMITS.backups) throw invalidField(`${field}.backups`, `A shift can have at most ${SCHEDULE_LIMITS.backups} backups.`);
  const seen = new Set<string>();
  for (const [i, person] of backups.entries()) {
    if (!isId(person)) throw invalidField(`${field}.backups[${i}]`, 'Choose the backup person.');
    if (person === primary) throw invalidField(`${field}.backups[${i}]`, 'The person on call cannot also be their own backup.');
    if (seen.has(person)) throw invalidField(`${field}.backups[${i}]`, 'This person is already listed as a backup.');
    seen.add(person);
  }
}

/**
 * Refuses a schedule that cannot be saved, with the first problem found as a 400 naming its
 * field (`rotations[0].shifts[1].rrule`). A shift whose end is at or before its start ends on
 * the next day; a start equal to its end is a 24-hour shift.
 */
export function validateSchedule(doc: ScheduleDocument, zone: string): void {
  if (typeof zone !== 'string' || !IANAZone.isValidZone(zone)) throw invalidField('zone', 'The time zone is not one we recognise.');
  const clock = clockOf(zone);
  const ids = new Set<string>();
  const claimId = (field: string, id: unknown, what: string) => {
    if (!isId(id)) throw invalidField(`${field}.id`, `Each ${what} needs an id.`);
    if (ids.has(id)) throw invalidField(`${field}.id`, 'This id is already used elsewhere in the schedule.');
    ids.add(id);
  };
  if (doc === null || typeof doc !== 'object') throw invalidField('rotations', 'The schedule needs a list of rotations.');
  if (!Array.isArray(doc.rotations)) throw invalidField('rotations', 'The schedule needs a list of rotations.');
  if (doc.rotations.length > SCHEDULE_LIMITS.rotations) throw invalidField('rotations', `A schedule can have at most ${SCHEDULE_LIMITS.rotations} rotations.`);
  let shiftCount = 0;
  for (const [r, rotation] of doc.rotations.entries()) {
    const rf = `rotations[${r}]`;
    if (rotation === null || typeof rotation !== 'object') throw invalidField(rf, 'Each rotation needs a name and a list of shifts.');
    claimId(rf, rotation.id, 'rotation');
    if (typeof rotation.name !== 'string' || rotation.name.trim() === '') throw invalidField(`${rf}.name`, 'Give the rotation a name.');
    if (rotation.name.length > SCHEDULE_LIMITS.nameLength) throw invalidField(`${rf}.name`, `A rotation name can be at most ${SCHEDULE_LIMITS.nameLength} characters.`);
    if (!Array.isArray(rotation.shifts)) throw invalidField(`${rf}.shifts`, 'The rotation needs a list of shifts.');
    shiftCount += rotation.shifts.length;
    if (shiftCount > SCHEDULE_LIMITS.shifts) throw invalidField(`${rf}.shifts`, `A schedule can have at most ${SCHEDULE_LIMITS.shifts} shifts across all its rotations.`);
    for (const [s, shift] of rotation.shifts.entries()) {
      const sf = `${rf}.shifts[${s}]`;
      if (shift === null || typeof shift !== 'object') throw invalidField(sf, 'Each shift needs a repeat pattern, times and people.');
      claimId(sf, shift.id, 'shift');
      const startDay = dayNumber(shift.startDate);
      if (startDay === null) throw invalidField(`${sf}.startDate`, 'The first day must be a date written YYYY-MM-DD.');
      let untilDay: number | null = null;
      if (shift.untilDate !== null) {
        untilDay = dayNumber(shift.untilDate);
        if (untilDay === null) throw invalidField(`${sf}.untilDate`, 'The last day must be a date written YYYY-MM-DD, or left empty.');
        if (untilDay < startDay) throw invalidField(`${sf}.untilDate`, 'The last day must be on or after the first day.');
      }
      if (wallMinutes(shift.start) === null) throw invalidField(`${sf}.start`, 'The start must be a time of day written HH:MM, such as 19:00.');
      if (wallMinutes(shift.end) === null) throw invalidField(`${sf}.end`, 'The end must be a time of day written HH:MM, such as 07:00.');
      const problem = rruleProblem(shift.rrule, startDay, untilDay);
      if (problem !== null) throw invalidField(`${sf}.rrule`, problem);
      checkPeople(sf, shift.primary, shift.backups, false);
    }
  }
  if (!Array.isArray(doc.overrides)) throw invalidField('overrides', 'The schedule needs a list of overrides, which may be empty.');
  if (doc.overrides.length > SCHEDULE_LIMITS.overrides) throw invalidField('overrides', `A schedule can have at most ${SCHEDULE_LIMITS.overrides} overrides; remove those that have ended.`);
  for (const [i, override] of doc.overrides.entries()) {
    const of = `overrides[${i}]`;
    if (override === null || typeof override !== 'object') throw invalidField(of, 'Each override needs a start, an end and a person.');
    claimId(of, override.id, 'override');
    if ('note' in override) throw invalidField(`${of}.note`, 'Schedules carry no notes: keep patient and personal details out of the on-call schedule.');
    const startWall = localWall(override.start);
    const endWall = localWall(override.end);
    if (startWall === null) throw invalidField(`${of}.start`, 'The start must be a date and time written YYYY-MM-DDTHH:MM.');
    if (endWall === null) throw invalidField(`${of}.end`, 'The end must be a date and time written YYYY-MM-DDTHH:MM.');
    const start = instantOf(clock, startWall);
    const end = instantOf(clock, endWall);
    if (end <= start) throw invalidField(`${of}.end`, 'The override must end after it starts.');
    if (end - start > SCHEDULE_LIMITS.overrideDays * DAY) throw invalidField(`${of}.end`, `An override can last at most ${SCHEDULE_LIMITS.overrideDays} days; change the rotation for longer.`);
    if (override.kind !== 'cover' && override.kind !== 'swap') throw invalidField(`${of}.kind`, 'Choose whether the override covers a shift or swaps it.');
    checkPeople(of, override.primary, override.backups, true);
  }
}
