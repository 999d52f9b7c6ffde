/**
 * The PHI detector: finds HIPAA Safe Harbor identifiers in short, hand-typed operational text
 * (task titles, notes). Plain TypeScript with no Node-only dependency, so the browser runs the
 * same code as the server.
 *
 * Spans are JavaScript string offsets, end exclusive, sorted and non-overlapping.
 *
 * Rule for numbers and addresses that belong to an organization (a pharmacy, the practice, an
 * insurer, a lab, an agency): when the nearest cue before a phone number or street address, in
 * the same clause (no comma, semicolon or full stop between), names an organization ("CVS fax
 * 555-0100", "office # 555…", "Walgreens 12 Main St", "Apria main line …"), it is not flagged;
 * when the nearest cue names a person ("pt cell", "daughter", "cb #"), or there is no cue, it
 * is. Toll-free numbers (800, 888, …) are always an organization's. A fax number is an
 * organization's unless a person cue comes first ("his home fax").
 */
import { detectNames } from './names.ts';

export const PHI_TYPES = [
  'NAME',
  'PHONE',
  'FAX',
  'EMAIL',
  'DATE',
  'ADDRESS',
  'SSN',
  'MRN',
  'INSURANCE_ID',
  'URL',
  'IP',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'OTHER_ID',
] as const;
export type PhiType = (typeof PHI_TYPES)[number];

export interface PhiSpan {
  start: number;
  end: number;
  type: PhiType;
  /** 0–1: how sure the detector is that the span is PHI. */
  confidence: number;
}

interface Candidate extends PhiSpan {
  /** Higher wins when candidates overlap. */
  priority: number;
}

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const ORDINAL = '(?:st|nd|rd|th)?';
/** An identifier value: 3–25 letters, digits and dashes, with at least one digit. */
const ID_TOKEN = '((?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{2,24})';

/** Words that introduce a person's own number or address. */
const PERSON_CUE =
  /\b(?:pt|patient|pts|pt's|patient's|cell|mobile|home|cb|call ?back|callback|reach|caller|mom|mother|dad|father|son|daughter|wife|husband|spouse|sister|brother|aunt|uncle|grand(?:ma|pa|mother|father|son|daughter)|guardian|niece|nephew|partner|friend|neighbor|lives|address|addr|resides|his|her|him)\b/gi;

/** Hospital units and departments, in capitals ("ED callback", "L&D 555-…", "HIM"). */
const UNIT_CUE = /(?:^|[^\w&])(?:ED|ER|L&D|ICU|NICU|PICU|PACU|OR|HIM|HD|SNF|ALF|CCU|MICU|SICU|IR|GI)(?![\w&])/g;

/** The organization-or-person decision for a number or address starting at `start`. */
const ORG_CUE =
  /\b(?:pharmacy|pharm|cvs|walgreens?|rite ?aid|walmart|kroger|costco|publix|clinic|office|practice|hospital|urgent care|lab|labcorp|quest|insurance|insurer|aetna|cigna|humana|bcbs|blue ?cross|united ?health(?:care)?|uhc|medicare|medicaid|hospice|home health|nursing home|agency|main (?:line|number|#)|line|customer service|vendor|dme|supplier|dept|department|desk|scheduling|billing|company|apria|lincare|ciox|provider|rep|payer|plan|facility|center|centre|floor|ward|nurses? station|unit|charge|intake|triage|site|campus|location|branch|main|sched|imaging|radiology|surg(?:ery)?|ortho\w*|clinic\w*|health\w*|medical|refer(?:red|ral)? to|svcs|services|operator|pager|page|on call|answering service|exchange)\b/gi;

/**
 * The clause before `start`: back to the nearest comma, semicolon, full stop or line break, at
 * most 40 characters. A bare label after another number continues that number's clause
 * ("their fax 555-0101, ph 555-0100").
 */
function clauseBefore(text: string, start: number): string {
  const own = clauseEndingAt(text, start);
  if (own.start < 0 || text[own.start] !== ',' || !/^\s*(?:ph|phone|tel|fax|main|#)?[\s:#.]*$/i.test(own.text)) return own.text;
  const previous = clauseEndingAt(text, own.start).text;
  return /\d{3}[\s.-]?\d{4}\s*$/.test(previous) ? `${previous},${own.text}` : own.text;
}

/** The clause ending at `end` (at most 40 characters) and where its separator is (-1: none). */
function clauseEndingAt(text: string, end: number): { text: string; start: number } {
  const from = Math.max(0, end - 40);
  const before = text.slice(from, end);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('. '), before.lastIndexOf('\n'));
  return cut >= 0 ? { text: before.slice(cut + 1), start: from + cut } : { text: before, start: -1 };
}

/** The sentence around a span: between full stops (not those of "Dr.", "St." or "Mr."), question marks or line breaks. */
function sentenceAround(text: string, start: number, end: number): string {
  const STOP = /(?<!\b(?:dr|st|mr|mrs|ms|jr|sr|vs))[.!?](?=\s)|[\n;]/gi;
  let from = 0;
  let to = text.length;
  STOP.lastIndex = 0;
  for (let m = STOP.exec(text); m; m = STOP.exec(text)) {
    if (m.index < start) from = m.index + 1;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return text.slice(from, to);
}

/** An organization's own dates: closures, holidays, schedule changes, with no person in the sentence. */
function organizationDate(text: string, start: number, end: number): boolean {
  const sentence = sentenceAround(text, start, end);
  PERSON_CUE.lastIndex = 0;
  return /\b(?:closed|closure|close|closing|holidays?|freeze|conference|sabbatical|vacation|pto|ooo|out of office|template|greeting|all sites)\b/i.test(sentence) && !PERSON_CUE.test(sentence);
}


function belongsToOrganization(text: string, start: number): boolean {
  const clause = clauseBefore(text, start);
  // A home visit: "home health at 1207 W Cedar Ave", "hospice nurse to 12 Elm St".
  if (/\b(?:home health|hh|hospice|home visit|visiting nurse|nurse visit)\b[^,;]*\b(?:at|to)\s*$/i.test(clause)) return false;
  // Delivered to it: the recipient's own ("apria says new unit to 4418 N Larch Rd").
  if (/\b(?:deliver(?:ed|y|ing)?|ship(?:ped|ping)?|mail(?:ed)?|sen[dt]|unit|supplies|equipment|order) to\s*$/i.test(clause)) return false;
  const org = Math.max(lastMatchEnd(clause, ORG_CUE), lastMatchEnd(clause, UNIT_CUE));
  if (org < 0) return false;
  // A person cue straight after an organization's word is the organization's ("ED callback", "unit ph").
  const person = lastMatchStart(clause, PERSON_CUE);
  return person < 0 || org > person || /^\s*$/.test(clause.slice(org, person));
}

/**
 * In a note that refers to its patient by reference, a number or address with no person cue
 * of its own, after an organization was named, is that organization's ("Walgreens at 1200 Oak
 * Ave called re P-5XK3HB …, call 555-310-4420").
 */
function organizationOfReferencedNote(text: string, start: number): boolean {
  PATIENT_REF.lastIndex = 0;
  if (!PATIENT_REF.test(text)) return false;
  const before = text.slice(0, start);
  ORG_CUE.lastIndex = 0;
  UNIT_CUE.lastIndex = 0;
  if (!ORG_CUE.test(before) && !UNIT_CUE.test(before)) return false;
  return lastMatchEnd(clauseBefore(text, start), PERSON_CUE) < 0 && lastMatchEnd(before, PERSON_CUE) < 0;
}

/** A phone number that is not a person's: toll-free, an organization's, a fax without a person cue, an order number. */
function notPersonalNumber(text: string, start: number, digits: string): boolean {
  if (/^(?:\+?1)?8(?:00|88|77|66|55|44|33)/.test(digits)) return true;
  const clause = clauseBefore(text, start);
  if (/\b(?:order|tracking|invoice|confirmation|po|npi|tax id|ein|fein|dea|ndc|lot|model|part)\b[\s#:.-]*(?:no\.?|number|#)?[\s#:.-]*$/i.test(clause)) return true;
  if (/\bfax\b/i.test(clause) && lastMatchEnd(clause, PERSON_CUE) < 0) return true;
  return belongsToOrganization(text, start) || organizationOfReferencedNote(text, start);
}

function lastMatchStart(text: string, pattern: RegExp): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m.index;
  return last;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m.index + m[0].length;
  return last;
}

interface Rule {
  type: PhiType;
  pattern: RegExp;
  priority: number;
  confidence: number;
  /** Which capture group is the PHI (default: the whole match); it always ends the match. */
  group?: number;
  /** Refuses a match (returns false) after a look at its surroundings. */
  accept?(match: RegExpExecArray, text: string, start: number, end: number): boolean;
  /** Changes the type after a look at the surroundings (a phone preceded by "fax"). */
  retype?(text: string, start: number): PhiType;
  /** A cheap test the text must pass for the rule to run at all ("@" for e-mail addresses). */
  requires?: RegExp | ((text: string) => boolean);
}

function validDate(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Whether the text has 17 letters or digits in a row (a VIN could be there). */
function hasRunOf17(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i) | 32;
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) {
      run += 1;
      if (run >= 17) return true;
    } else run = 0;
  }
  return false;
}

/** A value shaped like a phone number (dashed 3-3-4, optionally with a leading 1). */
const PHONE_SHAPE = /^(?:1-)?\d{3}-\d{3}-\d{4}$/;

/** Shared mailboxes of an organization (records@, billing@, info@…), not a person's address. */
export const ROLE_MAILBOX = /^(?:records|info|admin|billing|office|frontdesk|front\.desk|scheduling|referrals?|noreply|no-reply|support|contact|appointments?|help|hello|intake|fax|hr|roi|claims|pharmacy|nurse|triage)@/i;

/** An opaque patient reference (P-7F3K2Q) is operational, never PHI. */
const PATIENT_REF = /\bP-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}\b/g;

const RULES: Rule[] = [
  { type: 'EMAIL', pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, priority: 90, confidence: 0.99, accept: (m) => !ROLE_MAILBOX.test(m[0]), requires: /@/ },
  { type: 'URL', pattern: /\b(?:https?:\/\/|www\.)[^\s<>"']+[^\s<>"'.,;:!?)]/gi, priority: 85, confidence: 0.95, requires: /https?:|www\./i },
  {
    type: 'IP',
    pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g,
    priority: 80,
    confidence: 0.9,
    requires: /\d\.\d+\.\d/,
  },
  { type: 'SSN', pattern: /\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b/g, priority: 88, confidence: 0.95 },
  { type: 'SSN', pattern: /\b(?:ssn|ss#?|soc(?:ial)? sec(?:urity)?(?: number| no\.?| #)?|social(?: security)?(?: number| no\.?| #)?)[\s:#.-]*(\d{3}[\s-]?\d{2}[\s-]?\d{4})\b/gi, group: 1, priority: 95, confidence: 0.99 },
  // The last four digits of a social security number: "last 4 of ss 4471", "ssn last four 1120".
  {
    type: 'SSN',
    pattern: /\b(?:last (?:4|four)(?: digits)?(?: of)?(?: (?:her|his|the|pt'?s?))? (?:ssn|ss#?|social(?: security)?(?: number| #)?)|(?:ssn|ss#?|social(?: security)?) last (?:4|four))[\s:#.-]*(\d{4})\b/gi,
    group: 1,
    priority: 95,
    confidence: 0.95,
  },
  // Phone and fax numbers: run-on, dotted, dashed, spaced, with or without +1 and parentheses.
  {
    type: 'PHONE',
    pattern: /(?<![\w/.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?![\w/-])/g,
    priority: 70,
    confidence: 0.95,
    accept: (m, text, start) => !notPersonalNumber(text, start, m[0].replace(/\D/g, '')),
    retype: (text, start) => (/\bfax\b[^\n]{0,12}$/i.test(text.slice(Math.max(0, start - 16), start)) ? 'FAX' : 'PHONE'),
  },
  // Seven-digit local numbers written with a dash or dot.
  {
    type: 'PHONE',
    pattern: /(?<![\w/.:-])\d{3}[.-]\d{4}(?![\w/-]|\.\d)/g,
    priority: 58,
    confidence: 0.7,
    accept: (m, text, start) => !notPersonalNumber(text, start, m[0]),
  },
  // Seven-digit local numbers, only after a person cue.
  {
    type: 'PHONE',
    pattern: /\b(?:cell|mobile|home|cb|call ?back|callback|phone|ph|tel|#)[\s:#.-]*(\d{3}[\s.-]\d{4})(?![\w/-])/gi,
    group: 1,
    priority: 60,
    confidence: 0.8,
  },
  // Dates tied to a person: numeric with a year, ISO, month names, "dob 041261".
  {
    type: 'DATE',
    pattern: /(?<![\w/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?![\w/-])/g,
    priority: 75,
    confidence: 0.9,
    accept: (m, text, start, end) => validDate(Number(m[1]), Number(m[2])) && !organizationDate(text, start, end),
  },
  { type: 'DATE', pattern: /(?<![\w/-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])/g, priority: 75, confidence: 0.9, accept: (m) => validDate(Number(m[2]), Number(m[3])) },
  {
    type: 'DATE',
    pattern: /(?<![\w/.-])(\d{1,2})\/(\d{1,2})(?![\w/%-]|\.\d|\s*(?:mg|mcg|ml|units?|tabs?|caps?|doses?|times|x)\b)/gi,
    priority: 50,
    confidence: 0.7,
    accept: (m, text, start, end) =>
      validDate(Number(m[1]), Number(m[2])) &&
      !organizationDate(text, start, end) &&
      !/\b(?:bp|b\/p|blood pressure|pressure)\s*[:=]?\s*$/i.test(text.slice(Math.max(0, start - 20), start)) &&
      // Pain scores: "pain 9/10", "rated 7/10".
      !(m[2] === '10' && /\b(?:pain|cp|ha|ache|aching|discomfort|hurts?|sore(?:ness)?|cramp(?:s|ing)?|scale|rated?|rates|level|score|severity|out of)\b[^,.;]{0,12}$/i.test(text.slice(Math.max(0, start - 24), start))),
  },
  // A day of the month alone: "appt the 22nd".
  {
    type: 'DATE',
    pattern: /\b(?:the|on)\s+(\d{1,2}(?:st|nd|rd|th))\b(?!\s*(?:floor|fl|ave|avenue|st|street|time|attempt|dose|cycle|week|day|trimester|grade|percentile|visit|try|call|round|place|of (?:each|every|the) month))/gi,
    group: 1,
    priority: 45,
    confidence: 0.6,
  },
  { type: 'DATE', pattern: new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}${ORDINAL}(?:,?\\s+(?:\\d{4}|'?\\d{2}))?\\b`, 'gi'), priority: 74, confidence: 0.85, accept: (_m, text, start, end) => !organizationDate(text, start, end) },
  { type: 'DATE', pattern: new RegExp(`\\b\\d{1,2}${ORDINAL}(?:\\s+of)?[\\s-](?:${MONTHS})\\.?(?:[\\s,-]+(?:\\d{4}|'?\\d{2}))?\\b`, 'gi'), priority: 74, confidence: 0.85, accept: (_m, text, start, end) => !organizationDate(text, start, end) },
  {
    type: 'DATE',
    pattern: /\b(?:dob|d\.o\.b\.?|born|birth ?date|date of birth|bday|birthday)[\s:#.-]*(\d{6}|\d{8})\b/gi,
    group: 1,
    priority: 96,
    confidence: 0.97,
  },
  // Ages over 89.
  { type: 'DATE', pattern: /\b(?:9\d|1[0-1]\d)\s*(?:y\/?o|yo|yrs?(?: old)?|years?(?: old)?|year-old)\b/gi, priority: 70, confidence: 0.9 },
  { type: 'DATE', pattern: /\b(?:age|aged)\s+(9\d|1[0-1]\d)\b/gi, group: 1, priority: 70, confidence: 0.9 },
  // Street addresses and ZIP codes in an address.
  {
    type: 'ADDRESS',
    pattern:
      /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:(?!(?:per|with|w|by|from|to|for|and|or|the|at|on|in|of|re|see|saw|call|cc|x|mg|tabs?|days?|weeks?|wks?|hours?|hrs?)\s)(?=[0-9'-]*[A-Za-z])[A-Za-z0-9'-]+\s+){1,3}(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|way|pl|place|ter|terrace|cir|circle|pkwy|parkway|hwy|highway|trl|trail|loop)\b\.?(?:,?\s*(?:apt|unit|suite|ste|#)\.?\s*[A-Za-z0-9-]+)?/gi,
    priority: 65,
    confidence: 0.85,
    accept: (_m, text, start) => !belongsToOrganization(text, start) && !organizationOfReferencedNote(text, start),
  },
  {
    type: 'ADDRESS',
    pattern: /\b(?:p\.?\s?o\.?\s?box|post office box)\s*#?\s*\d{1,6}\b/gi,
    priority: 66,
    confidence: 0.85,
    accept: (_m, text, start) => !belongsToOrganization(text, start),
  },
  { type: 'ADDRESS', pattern: /\b(?:zip|zipcode|zip code)[\s:#.-]*(\d{5}(?:-\d{4})?)\b/gi, group: 1, priority: 66, confidence: 0.9 },
  { type: 'ADDRESS', pattern: /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s+(\d{5}(?:-\d{4})?)\b/g, group: 1, priority: 66, confidence: 0.85 },
  // Identifiers introduced by what they are.
  { type: 'MRN', pattern: new RegExp(`\\b(?:mrn|med(?:ical)? rec(?:ord)?(?: number| no\\.?| #)?|chart(?: number| no\\.?| #)?|acct|account(?: number| no\\.?| #)?|record(?: number| no\\.?| #))[\\s:#.-]*${ID_TOKEN}`, 'gi'), group: 1, priority: 92, confidence: 0.95, accept: (m) => /\d/.test(m[1]!) },
  {
    type: 'INSURANCE_ID',
    pattern: new RegExp(`\\b(?:member(?: id| number| no\\.?| #)?|mem id|policy(?: number| no\\.?| #)?|group(?: number| no\\.?| #)?|grp|subscriber(?: id)?|ins(?:urance)? id|medicaid(?: id| number| #)?|medicare(?: id| number| #)?|mbi|chip(?: id| #)?|tricare(?: id| #)?|champva(?: id| #)?)[\\s:#.-]*${ID_TOKEN}`, 'gi'),
    group: 1,
    priority: 92,
    confidence: 0.95,
    accept: (m) => !PHONE_SHAPE.test(m[1]!),
  },
  // Medicare Beneficiary Identifier: 11 characters in a fixed pattern, dashes allowed.
  { type: 'INSURANCE_ID', pattern: /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/gi, priority: 91, confidence: 0.9 },
  { type: 'LICENSE', pattern: new RegExp(`\\b(?:driver'?s? lic(?:ense)?|dl|lic(?:ense)?(?: number| no\\.?| #)?)[\\s:#.-]*${ID_TOKEN}`, 'gi'), group: 1, priority: 90, confidence: 0.9, accept: (m) => /\d/.test(m[1]!) },
  { type: 'VEHICLE', pattern: new RegExp(`\\b(?:plate|license plate|tag)[\\s:#.-]*((?:[A-Z]{2}\\s+)?[A-Za-z0-9][A-Za-z0-9-]{2,24})`, 'g'), group: 1, priority: 90, confidence: 0.85, accept: (m) => /\d/.test(m[1]!) },
  { type: 'VEHICLE', pattern: /\b(?:vin[\s:#.-]*)?([A-HJ-NPR-Z0-9]{17})\b/gi, group: 1, priority: 89, confidence: 0.8, accept: (m) => /\d/.test(m[1]!) && /[A-Z]/i.test(m[1]!), requires: hasRunOf17 },
  {
    type: 'DEVICE',
    pattern: /\b(?:serial(?: number| no\.?| #)?|s\/n|sn|device(?: id| #)?|imei|transmitter|receiver|pump id)[\s:#.-]*((?:[A-Z]{2,5}\s+)?(?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{2,24})/gi,
    group: 1,
    priority: 90,
    confidence: 0.9,
    accept: (m) => /\d/.test(m[1]!),
  },
  // Any other number tied to the person, introduced by what it is: prescription, claim, case,
  // authorization, appeal, employee, student, passport and file numbers, generic "id".
  {
    type: 'OTHER_ID',
    pattern: new RegExp(
      `\\b(?<!(?:payer|tax|npi|provider|facility|group|plan|user|login) )(?:rx|prescription|script|claim|case|(?:prior )?auth(?:orization)?|appeal|ref(?:erence)?|employee|student|passport|file|rental|confirmation|id)(?: number| no\\.?| #| id)?[\\s:#.-]*${ID_TOKEN}`,
      'gi',
    ),
    group: 1,
    priority: 87,
    confidence: 0.8,
    accept: (m, text, start) =>
      /\d.*\d.*\d/.test(m[1]!) &&
      !PHONE_SHAPE.test(m[1]!) &&
      // An organization's own ticket, case or reference number ("vendor RingCentral case 3144…").
      !(/^(?:ref|reference|case|file|confirmation)\b/i.test(m[0]) && !/\b(?:auth|authorization|appeal|claim|pa|prior)\b/i.test(clauseBefore(text, start)) && belongsToOrganization(text, start)),
  },
];

const NAME_PRIORITY = 40;

/** Finds PHI in a text: spans sorted by start, non-overlapping. */
export function detectPhi(text: string): PhiSpan[] {
  const protectedRanges: [number, number][] = [];
  PATIENT_REF.lastIndex = 0;
  for (let m = PATIENT_REF.exec(text); m; m = PATIENT_REF.exec(text)) protectedRanges.push([m.index, m.index + m[0].length]);

  const candidates: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.requires && !(typeof rule.requires === 'function' ? rule.requires(text) : rule.requires.test(text))) continue;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex += 1;
        continue;
      }
      const value = rule.group ? m[rule.group] : m[0];
      if (value === undefined) continue;
      const start = rule.group ? m.index + m[0].lastIndexOf(value) : m.index;
      const end = start + value.length;
      if (protectedRanges.some(([s, e]) => start < e && end > s)) continue;
      if (rule.accept && !rule.accept(m, text, start, end)) continue;
      candidates.push({ start, end, type: rule.retype ? rule.retype(text, start) : rule.type, confidence: rule.confidence, priority: rule.priority });
    }
  }
  for (const name of detectNames(text, { referenced: protectedRanges.length > 0 })) {
    if (protectedRanges.some(([s, e]) => name.start < e && name.end > s)) continue;
    candidates.push({ ...name, type: 'NAME', priority: NAME_PRIORITY });
  }
  return resolveOverlaps(candidates);
}

/** Keeps the best of overlapping candidates: higher priority, then longer. */
function resolveOverlaps(candidates: Candidate[]): PhiSpan[] {
  const ranked = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of ranked) if (!kept.some((k) => c.start < k.end && c.end > k.start)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start).map(({ start, end, type, confidence }) => ({ start, end, type, confidence }));
}
