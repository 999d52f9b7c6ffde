import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { detectPhi, ROLE_MAILBOX, type PhiType } from './detect.ts';
import { redact } from '../platform/http/phi-guard.ts';

/** The flagged pieces of a text as "TYPE:text". */
function found(text: string): string[] {
  return detectPhi(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

test('structured identifiers as agents type them are found, typed and located', () => {
  const cases: [string, string[]][] = [
    ['Call back re: refill, 555-201-3344, DOB 4/12/61', ['PHONE:555-201-3344', 'DATE:4/12/61']],
    ['pt cell 5552013344 after 3pm', ['PHONE:5552013344']],
    ['cb (555)201-3344 or +1 555.201.3345', ['PHONE:(555)201-3344', 'PHONE:+1 555.201.3345']],
    ['daughter fax 555 201 3399', ['FAX:555 201 3399']],
    ['dob 041261 mrn 00123456', ['DATE:041261', 'MRN:00123456']],
    ['born 12-Apr-61, appt March 3rd, seen 2024-05-01', ['DATE:12-Apr-61', 'DATE:March 3rd', 'DATE:2024-05-01']],
    ['f/u 4/12 w/ PCP', ['DATE:4/12']],
    ['mom is 92 yo, lives alone', ['DATE:92 yo']],
    ['ssn 123 45 6789', ['SSN:123 45 6789']],
    ['SS# 123-45-6789', ['SSN:123-45-6789']],
    ['verified w last 4 of ss 4471, ok to discuss', ['SSN:4471']],
    ['email jane.d@example.test', ['EMAIL:jane.d@example.test']],
    ['lives 42 Oak St apt 3, Springfield IL 62701', ['ADDRESS:42 Oak St apt 3', 'ADDRESS:62701']],
    ['member id XYZ123456789; mbi 1EG4-TE5-MK73', ['INSURANCE_ID:XYZ123456789', 'INSURANCE_ID:1EG4-TE5-MK73']],
    ['portal https://portal.example.org/msg/12 from 10.0.0.1', ['URL:https://portal.example.org/msg/12', 'IP:10.0.0.1']],
    ['DL D1234567, plate 7ABC123, pacemaker serial PX44120', ['LICENSE:D1234567', 'VEHICLE:7ABC123', 'DEVICE:PX44120']],
  ];
  for (const [text, expected] of cases) assert.deepEqual(found(text), expected, text);
});

test('operational text is not flagged: references, codes, doses, vitals, times, counts, organizations’ own numbers', () => {
  for (const text of [
    'P-7F3K2Q refill request, CPT 99213, ICD E11.9',
    'BP 140/90, A1c 7.2, temp 101.3, HR 88, O2 sat 94%',
    'amoxicillin 500mg 2x/day, lisinopril 10 mg, take 1/2 tab',
    'call after 3pm, 2 attempts, room 12, ext 4412',
    'due in March, follow up 2025',
    'CVS fax 555-201-0000 sent',
    'Walgreens pharmacy 555-201-7000 called to confirm',
    'office # 555-201-8000 closes at 5',
    'St. Joseph\'s triage aware, L&D 555-371-9000',
    'wants cards consult, ED callback 555-902-1100',
    'c/o intermittent cp 3/10, took ntg x1',
    'on lisinopril 20 - Dr. Raj Menon wants to hold',
    'office closed Thurs 11/28 and Fri 11/29 thanksgiving, phones to answering svc',
    'Lakeview Cardiology: their fax 555-612-4420, ph 555-612-4400',
    'vendor RingCentral case 31447290 for the phones',
    'Walgreens at 1200 Oak Ave called re P-5XK3HB amox dose, call 555-310-4420',
  ]) {
    assert.deepEqual(found(text), [], text);
  }
});

test('spans are sorted, non-overlapping and inside the text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (text) => {
      const spans = detectPhi(text);
      for (const [i, s] of spans.entries()) {
        assert.ok(s.start >= 0 && s.end <= text.length && s.start < s.end);
        if (i > 0) assert.ok(spans[i - 1]!.end <= s.start);
      }
    }),
  );
});

const filler = fc.constantFrom('refill request', 'pt called', 'needs cb', 're: results', 'appt question', 'left vm', 'spoke w/ caller', 'urgent', 'P-7F3K2Q', 'CPT 99213');
const digit = (min = 0) => fc.integer({ min, max: 9 });

/** Generated identifiers embedded in operational text are always found with their type. */
function embedded(type: PhiType, value: fc.Arbitrary<string>, cue: fc.Arbitrary<string> = fc.constant('')) {
  fc.assert(
    fc.property(filler, cue, value, filler, (before, c, v, after) => {
      const text = `${before} ${c}${v} ${after}`;
      const start = text.indexOf(v, before.length + 1 + c.length);
      const spans = detectPhi(text);
      assert.ok(
        spans.some((s) => s.type === type && s.start === start && s.end === start + v.length),
        `${type} "${v}" in "${text}": ${JSON.stringify(spans)}`,
      );
    }),
    { numRuns: 300 },
  );
}

/** Toll-free area codes: always an organization's line, never flagged. */
const TOLL_FREE = new Set([800, 888, 877, 866, 855, 844, 833]);

test('property: generated phone numbers in every common format are found', () => {
  const phone = fc
    .tuple(fc.integer({ min: 200, max: 999 }).filter((a) => !TOLL_FREE.has(a)), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom('-', '.', ' ', ''), fc.constantFrom('', '+1 ', '1-', '('))
    .map(([a, b, c, sep, prefix]) => {
      const last = String(c).padStart(4, '0');
      return prefix === '(' ? `(${a}) ${b}-${last}` : `${prefix}${a}${sep}${b}${sep}${last}`;
    });
  embedded('PHONE', phone, fc.constantFrom('', 'cell ', 'cb # ', 'pt '));
});

test('organizations\' own numbers are not flagged; the same number as a person\'s is', () => {
  const flagged = (text: string) => detectPhi(text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
  assert.deepEqual(flagged('Lincare customer service 800-555-0142 for concentrator swaps'), []);
  assert.deepEqual(flagged('CVS fax 555-201-0000, ok to send'), []);
  assert.deepEqual(flagged('sent to Apria main line 555-310-4400'), []);
  assert.deepEqual(flagged('order 1234567890 shipped'), []);
  assert.deepEqual(flagged('hospice referral question, cb 555-310-4400'), ['PHONE:555-310-4400']);
  assert.deepEqual(flagged('faxed to his home fax 555-662-0814'), ['FAX:555-662-0814']);
  assert.deepEqual(flagged('records@clinic.org is the shared inbox'), []);
});

test('property: generated SSNs and e-mail addresses are found', () => {
  const ssn = fc.tuple(fc.integer({ min: 1, max: 665 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 })).map(([a, b, c]) => `${String(a).padStart(3, '0')}-${String(b).padStart(2, '0')}-${String(c).padStart(4, '0')}`);
  embedded('SSN', ssn);
  const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9._]{0,12}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/), fc.constantFrom('com', 'org', 'net', 'test')).map(([u, d, tld]) => `${u}@${d}.${tld}`)
    // Shared mailboxes (records@, billing@…) are an organization's, by design not flagged.
    .filter((e) => !ROLE_MAILBOX.test(e));
  embedded('EMAIL', email);
});

test('property: generated dates of birth in every format agents type are found', () => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const dob = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1925, max: 2024 }), fc.integer({ min: 0, max: 4 })).map(([m, d, y, style]) => {
    const mm = String(m).padStart(2, '0');
    const dd = String(d).padStart(2, '0');
    const yy = String(y % 100).padStart(2, '0');
    return [`${m}/${d}/${yy}`, `${mm}/${dd}/${y}`, `${y}-${mm}-${dd}`, `${d}-${months[m - 1]}-${yy}`, `${months[m - 1]} ${d}, ${y}`][style]!;
  });
  embedded('DATE', dob, fc.constantFrom('', 'dob ', 'DOB: ', 'born '));
  const compact = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 99 })).map(([m, d, y]) => `${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(y).padStart(2, '0')}`);
  embedded('DATE', compact, fc.constantFrom('dob ', 'DOB: ', 'd.o.b. '));
});

test('property: references, CPT codes, doses and vitals are never flagged', () => {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ'.split('');
  const ref = fc.array(fc.constantFrom(...alphabet), { minLength: 6, maxLength: 6 }).map((c) => `P-${c.join('')}`);
  const cpt = fc.integer({ min: 10000, max: 99499 }).map((n) => `CPT ${n}`);
  const dose = fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.constantFrom('mg', 'mcg', 'ml', 'units', ' mg', ' tabs')).map(([n, u]) => `${n}${u}`);
  const vital = fc
    .tuple(fc.integer({ min: 80, max: 220 }), fc.integer({ min: 40, max: 130 }), fc.constantFrom('BP ', 'bp ', 'BP: '))
    .map(([s, d, c]) => `${c}${s}/${d}`);
  const a1c = fc.tuple(digit(4), digit()).map(([a, b]) => `A1c ${a}.${b}`);
  fc.assert(
    fc.property(filler, fc.oneof(ref, cpt, dose, vital, a1c), filler, (before, value, after) => {
      const text = `${before} ${value} ${after}`;
      assert.deepEqual(found(text), [], text);
    }),
    { numRuns: 500 },
  );
});

test('names: patients, relatives and callers of every culture are found; clinicians, staff and ordinary words are not', () => {
  const names = (text: string) => detectPhi(text).filter((s) => s.type === 'NAME').map((s) => text.slice(s.start, s.end));
  assert.deepEqual(names('daughter maria called re moms meds'), ['maria']);
  assert.deepEqual(names('caller Nguyen Van Tuan, son of pt'), ['Nguyen Van Tuan']);
  assert.deepEqual(names('Adeyemi called asking for results'), ['Adeyemi']);
  assert.deepEqual(names('cb Raghunathan re labs'), ['Raghunathan']);
  assert.deepEqual(names('García-López, Ana needs refill'), ['García-López', 'Ana']);
  assert.deepEqual(names('Zhang Wei needs refill on Eliquis'), ['Zhang Wei']);
  assert.deepEqual(names('his wife Summer will pick up rx'), ['Summer']);
  assert.deepEqual(names('spoke w/ Rose, she is aware'), ['Rose']);
  assert.deepEqual(names('Hope (pt) cb re burn'), ['Hope']);
  assert.deepEqual(names('Will Ashworth hearing aid whistling'), ['Will Ashworth']);
  assert.deepEqual(names('wife June calling re husband'), ['June']);
  // Clinicians and staff are not PHI.
  assert.deepEqual(names('per Dr. Patel ok to refill metoprolol 25mg'), []);
  assert.deepEqual(names('spoke w/ NP Gomez, ok per her'), []);
  assert.deepEqual(names('per Dr Okafor hold warfarin, recheck INR per NP Will Chen'), []);
  assert.deepEqual(names('Tanya at front desk says fax sent'), []);
  assert.deepEqual(names('Sarah Chen NP reviewed'), []);
  // Names that are ordinary words, used as words.
  assert.deepEqual(names('pt will call back tomorrow after 3pm'), []);
  assert.deepEqual(names('bp rose to 140/90 overnight, hope to hear back'), []);
  assert.deepEqual(names('mark as urgent, frank blood in urine, grace period ends in june'), []);
  assert.deepEqual(names('appt moved to early June, will confirm'), []);
  assert.deepEqual(names('P-7F3K2Q says baby has diaper rash'), []);
  assert.deepEqual(names('P-7F3K2Q back pain, wants PT resched'), []);
  assert.deepEqual(names('grant pt\'s son called re refill'), ['grant']);
  assert.deepEqual(names('exit site red, wife Parisa cb'), ['Parisa']);
  // Organizations named after people or places, and their departments.
  assert.deepEqual(names('infusion center at Cleveland Clinic needs labs for P-0WK7TS'), []);
  assert.deepEqual(names('VFC q from Cook Children\'s re P-0DA3MV, Sheppard Pratt intake called too'), []);
  assert.deepEqual(names('moved to Memorial Sloan Kettering; fyi from MedExpress urgent care'), []);
  assert.deepEqual(names('DaVita social worker Lucy called re P-4NB6AZ'), []);
  assert.deepEqual(names('s/p polypectomy, ok per GI, seen for thrombectomy eval'), []);
  // Staff on duty, handed work, or reached at an extension.
  assert.deepEqual(names('Kowalski on call tonight, escalated to Dwayne, per Rosa in ops'), []);
  assert.deepEqual(names('left vm for Keoni ext 2231, leave at front desk w Yusuf'), []);
  assert.deepEqual(names('URGENT P-YH2K6N PT STATES WORST HEADACHE, SPOUSE DRIVING'), []);
  assert.deepEqual(names('No Msg, Hung Up'), []);
  // A note that refers to its patient by reference names others by role; relatives stay PHI.
  assert.deepEqual(names('Okafor says ok to refill lisinopril for P-4K8M2T'), []);
  assert.deepEqual(names('P-4K8M2T daughter Maria says he fell, cb for Ana'), ['Maria', 'Ana']);
  assert.deepEqual(names('son will calling re dad, caregiver Will for pt'), ['will', 'Will']);
});

test('the generated name and word lists are current with their sources (npm run phi:lexicon)', async () => {
  const { buildLexicon, LEXICON_FILE } = await import('../../scripts/build-phi-lexicon.ts');
  assert.ok(readFileSync(LEXICON_FILE, 'utf8') === buildLexicon(), 'src/phi/lexicon.generated.ts is stale: run npm run phi:lexicon');
});

test('a name with a middle initial is one span, so redaction leaves nothing of it', () => {
  const cases: [string, string][] = [
    ['Callback for Jane Q. Placeholder about a refill', 'Callback for [NAME] about a refill'],
    ['Call Mary Ann Q Smith-Jones today', 'Call [NAME] today'],
    ['Patient John R. Doe called twice', 'Patient [NAME] called twice'],
  ];
  for (const [text, expected] of cases) assert.equal(redact(text, detectPhi(text)), expected, text);
});
