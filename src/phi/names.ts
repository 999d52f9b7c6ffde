/**
 * Person names in call notes. Names are the hard part of PHI detection: lower case, misspelt,
 * single given names ("daughter maria"), names that are ordinary words (Rose, Will, Hope), names
 * from every culture, and clinicians' names that are not PHI at all ("per Dr Okafor").
 *
 * Each word is judged from three kinds of evidence:
 * - the lexicon: is it a known given or family name (name data from many locales), and how
 *   common is it as an English word (SCOWL tiers);
 * - the vocabulary: operational shorthand, calendar and medical words are never names;
 * - its context: a relation or role cue before it ("his wife", "pt", "spoke w/"), a clinician or
 *   staff title around it ("Dr.", "NP", "Lopez MD", "Tanya at front desk"), capitalization
 *   away from the start of a sentence, a neighbouring name, or a verb after it ("Rose called").
 * Accepted words next to each other (with particles such as "de la", "van", "bin") form one span.
 */
import { foldWord } from './fold.ts';
import { COMMON_WORDS, FAMILY_NAMES, GIVEN_NAMES, VERY_COMMON_WORDS } from './lexicon.generated.ts';
import {
  CALENDAR_GIVEN_NAMES,
  CLINICAL_ENDING,
  CONTACT_CUES,
  CLINICIAN_TITLES,
  DEPARTMENTS,
  DRUG_ENDING,
  NEVER_NAMES,
  ON_DUTY,
  ORG_PREFIXES,
  ORG_SUFFIXES,
  PERSON_TITLES,
  PERSON_VERBS,
  POST_NOMINALS,
  RELATION_CUES,
  SPOKE,
  STAFF_PLACES,
  STAFF_VERBS,
  WEAK_CUES,
} from './vocabulary.ts';

export interface NameSpan {
  start: number;
  end: number;
  confidence: number;
}

interface Lexicon {
  given: Set<string>;
  family: Set<string>;
  veryCommon: Set<string>;
  common: Set<string>;
}

let lexicon: Lexicon | undefined;
function lex(): Lexicon {
  lexicon ??= {
    given: new Set(GIVEN_NAMES.split(' ')),
    family: new Set(FAMILY_NAMES.split(' ')),
    veryCommon: new Set(VERY_COMMON_WORDS.split(' ')),
    common: new Set(COMMON_WORDS.split(' ')),
  };
  return lexicon;
}

const PARTICLES = new Set(['de', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'das', 'du', 'bin', 'binti', 'ibn', 'al', 'el', 'st', 'mac', 'ben']);
/** Titles that are also everyday words: they count only when typed in capitals ("MA Kim", "DO"). */
const CAPITALS_ONLY_TITLES = new Set(['ma', 'do', 'od', 'pa']);
/** Words before a month used as a month ("in June", "early May"). */
const DATE_PREPOSITIONS = new Set(['in', 'on', 'by', 'until', 'till', 'since', 'before', 'after', 'of', 'early', 'mid', 'late', 'next', 'last', 'this', 'from', 'through', 'thru', 'during', 'end']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'my', 'our', 'your', 'the', 'pts', "pt's", "patient's", 'a']);

interface Token {
  start: number;
  /** End of the word without a possessive "'s". */
  end: number;
  raw: string;
  word: string;
  cap: boolean;
  /** First word of the text or of a sentence. */
  initial: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  /** Typed with a possessive "'s" ("pt's"). */
  possessive: boolean;
  known: boolean;
  /** 2: very common English word, 1: common, 0: not a common word. */
  common: 0 | 1 | 2;
  never: boolean;
}

const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

function commonness(lexicon: Lexicon, word: string): 0 | 1 | 2 {
  return lexicon.veryCommon.has(word) ? 2 : lexicon.common.has(word) ? 1 : 0;
}

function knownName(lexicon: Lexicon, word: string): boolean {
  return lexicon.given.has(word) || lexicon.family.has(word);
}

function tokenize(text: string): Token[] {
  const lexicon = lex();
  // A note typed in capitals ("PT STATES WORST HEADACHE") gives no evidence by capitalization.
  const letters = text.replace(/[^A-Za-z]/g, '');
  const shouting = letters.length > 20 && letters.replace(/[^A-Z]/g, '').length > letters.length * 0.6;
  // Nor does one typed in Title Case ("No Msg, Hung Up").
  const words = text.match(/\p{L}+/gu) ?? [];
  const titleCase = words.length >= 3 && words.filter((w) => w[0] !== w[0]!.toLowerCase()).length >= words.length * 0.8;
  const tokens: Token[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let raw = m[0];
    const last = raw.charCodeAt(raw.length - 1);
    if ((last === 115 || last === 83) && raw.length > 2 && (raw[raw.length - 2] === "'" || raw[raw.length - 2] === '’')) raw = raw.slice(0, -2);
    let word = foldWord(raw);
    if (word.endsWith("'")) word = word.replace(/'+$/, '');
    let known: boolean;
    let common: 0 | 1 | 2;
    if (word.includes('-')) {
      const parts = word.split('-');
      known = parts.some((p) => knownName(lexicon, p));
      common = Math.min(...parts.map((p) => commonness(lexicon, p))) as 0 | 1 | 2;
    } else {
      known = knownName(lexicon, word);
      common = commonness(lexicon, word);
    }
    const gap = text.slice(previousEnd, m.index);
    // Letters with marks (Đặng, Peña) are not English words; short capitals (ROI, UHC) are acronyms.
    if (common !== 0 && /[^ -~]/.test(raw)) common = 0;
    const acronym = raw.length <= 5 && raw.length > 1 && raw === raw.toUpperCase() && raw !== 'MR' && raw !== 'MRS' && raw !== 'MS' && !(shouting && (known || common > 0));
    const first = raw[0]!;
    const cap = first !== first.toLowerCase() && !shouting && !titleCase;
    const initial = tokens.length === 0 || /[.!?;\n]\s*$/.test(gap) || /^\s*[-–•*]\s*$/.test(gap);
    const never =
      word.length < 2 ||
      acronym ||
      // Months that are also given names count as names only capitalized mid-sentence ("wife June").
      (NEVER_NAMES.has(word) && !(CALENDAR_GIVEN_NAMES.has(word) && cap && !initial && !DATE_PREPOSITIONS.has(tokens[tokens.length - 1]?.word ?? ''))) ||
      // A relation typed in lower case is the cue, not the name ("says baby has").
      (RELATION_CUES.has(word) && !cap) ||
      (word.includes("'") && /'(?:t|ll|re|ve|d|m)$/.test(word)) ||
      (!known && common === 0 && (DRUG_ENDING.test(word) || CLINICAL_ENDING.test(word))) ||
      brandName(raw);
    tokens.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      word,
      cap,
      initial,
      possessive: raw.length < m[0].length,
      gap,
      known,
      common,
      never,
    });
    previousEnd = m.index + m[0].length;
  }
  return tokens;
}

/** A camel-cased brand whose first part is an everyday or clinical word ("MedExpress", "OrthoCarolina"); not "McAllister" or "LaToya". */
function brandName(raw: string): boolean {
  const m = /^([A-Z][a-z]{2,})[A-Z][a-z]+/.exec(raw);
  if (!m) return false;
  const head = m[1]!.toLowerCase();
  const lexicon = lex();
  return !knownName(lexicon, head) && (NEVER_NAMES.has(head) || lexicon.veryCommon.has(head) || lexicon.common.has(head));
}

/** Tokens joined only by space, ":", "/", "-" or "#" belong to one phrase ("spoke w/ maria", "re: Ana"). */
const JOINED = /^[\s:/#(-]*$/;

function isTitle(t: Token, titles: Set<string>): boolean {
  if (!titles.has(t.word)) return false;
  return !CAPITALS_ONLY_TITLES.has(t.word) || t.raw === t.raw.toUpperCase();
}

/** Could this word be part of a name at all? */
function nameish(t: Token): boolean {
  return !t.never && (t.known || t.common === 0 || t.cap);
}

/** Marks clinicians and staff: words after a title, before a credential, or placed at a desk. */
function staffMask(text: string, tokens: Token[]): boolean[] {
  const staff = tokens.map(() => false);
  tokens.forEach((t, i) => {
    // "escalated to Dwayne", "confirm w Marisol", "leave at front desk w Yusuf".
    const handedTo = ['to', 'for', 'w', 'with'].includes(t.word) && i > 0 && (STAFF_VERBS.has(tokens[i - 1]!.word) || (t.word !== 'to' && t.word !== 'for' && STAFF_PLACES.has(tokens[i - 1]!.word)));
    if (isTitle(t, CLINICIAN_TITLES) || handedTo) {
      for (let j = i + 1; j < tokens.length && j <= i + 3; j++) {
        const n = tokens[j]!;
        const capitalName = n.cap && n.known && !/^[A-Z]{2,}$/.test(n.raw);
        if (!JOINED.test(n.gap.replace(/\./g, '')) || (!nameish(n) && !capitalName) || (n.common === 2 && !n.cap && !n.known)) break;
        staff[j] = true;
      }
    }
    if (i > 0 && isTitle(t, POST_NOMINALS) && t.raw === t.raw.toUpperCase() && /^[\s,]+$/.test(t.gap)) {
      for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
        const p = tokens[j]!;
        if (!nameish(p)) break;
        staff[j] = true;
        if (!/^\s+$/.test(p.gap)) break;
      }
    }
    // Organizations named after people or places: "Cleveland Clinic", "Cook Children's",
    // "Memorial Sloan Kettering", "Sheppard Pratt intake".
    if (t.cap && (ORG_SUFFIXES.has(t.word) || (DEPARTMENTS.has(t.word) && !cueBefore(tokens, i - 1, true)))) {
      for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
        const p = tokens[j]!;
        if (!p.cap || !/^\s+$/.test(tokens[j + 1]!.gap) || isTitle(p, PERSON_TITLES)) break;
        staff[j] = true;
      }
    }
    if (DEPARTMENTS.has(t.word) && !t.cap && i > 0 && tokens[i - 1]!.cap && /^\s+$/.test(t.gap)) {
      for (let j = i - 1; j >= 0 && j >= i - 3 && tokens[j]!.cap; j--) {
        if (cueBefore(tokens, j, true)) break;
        staff[j] = true;
        if (!/^\s+$/.test(tokens[j]!.gap)) break;
      }
    }
    if (t.cap && ORG_PREFIXES.has(t.word) && t.word !== 'st' && t.word !== 'saint') {
      for (let j = i + 1; j < tokens.length && j <= i + 2 && tokens[j]!.cap && /^\s+$/.test(tokens[j]!.gap); j++) staff[j] = true;
    }
    // An extension belongs to staff: "left vm for Keoni ext 2231".
    const ext = tokens[i + 1];
    if (t.cap && nameish(t) && ext && /^\s+$/.test(ext.gap) && (ext.word === 'ext' || ext.word === 'x') && /^\s*\d/.test(text.slice(ext.end))) {
      for (let j = i; j >= 0 && j >= i - 2 && tokens[j]!.cap && !cueBefore(tokens, j, true); j--) {
        staff[j] = true;
        if (!/^\s+$/.test(tokens[j]!.gap)) break;
      }
    }
    // On duty: "Kowalski on call tonight", "Castellanos primary", "Baptiste til 7am".
    const n1 = tokens[i + 1];
    const n2 = tokens[i + 2];
    const endsClause = (k: number) => !tokens[k] || /[,.;:(\n]/.test(tokens[k]!.gap);
    if (t.cap && nameish(t) && n1 && /^\s+$/.test(n1.gap) && ((ON_DUTY.has(n1.word) && (n1.word.startsWith('on') || endsClause(i + 2))) || (n1.word === 'on' && n2 && ['call', 'til', 'until', 'tonight', 'today'].includes(n2.word)) || (n1.word === 'til' && n2 && /^\s*\d/.test(n2.gap + ' ')))) {
      for (let j = i; j >= 0 && j >= i - 2 && tokens[j]!.cap && !cueBefore(tokens, j, true); j--) {
        staff[j] = true;
        if (!/^\s+$/.test(tokens[j]!.gap)) break;
      }
    }
    // Places named after saints: "St. Mary's", "Saint Luke".
    if ((t.word === 'st' || t.word === 'saint') && tokens[i + 1]?.cap) staff[i + 1] = true;
    // "Tanya at front desk", "Marcus in billing", "Kim from Dr. Lee's office".
    const next = tokens[i + 1];
    const after = tokens[i + 2]?.word === 'the' ? tokens[i + 3] : tokens[i + 2];
    if (nameish(t) && next && ['at', 'in', 'from', 'with'].includes(next.word) && after && (STAFF_PLACES.has(after.word) || CLINICIAN_TITLES.has(after.word))) {
      for (let j = i; j >= 0 && j >= i - 2; j--) {
        if (!nameish(tokens[j]!)) break;
        staff[j] = true;
        if (!/^\s+$/.test(tokens[j]!.gap)) break;
      }
    }
  });
  return staff;
}

type Cue = 'strong' | 'weak' | 'none';

/** The cue before token i, looking past possessives ("his wife maria", "pt's daughter"). */
function cueBefore(tokens: Token[], i: number): Cue;
function cueBefore(tokens: Token[], i: number, strongOnly: true): boolean;
function cueBefore(tokens: Token[], i: number, strongOnly?: true): Cue | boolean {
  if (strongOnly) return i >= 0 && cueBefore(tokens, i) === 'strong';
  let j = i - 1;
  if (j < 0 || !JOINED.test(tokens[i]!.gap.replace(/[.,]/g, ''))) return 'none';
  const t = tokens[j]!;
  // "PT" in capitals is as often physical therapy: it cues only a capitalized or known name.
  const therapy = t.raw === 'PT' && !tokens[i]!.cap && !tokens[i]!.known;
  if ((RELATION_CUES.has(t.word) && !therapy) || isTitle(t, PERSON_TITLES)) return 'strong';
  const before = tokens[j - 1];
  // "spoke w/", "spoke with", "talked to": strong.
  if (['w', 'with', 'to'].includes(t.word) && before && SPOKE.has(before.word)) return 'strong';
  if (WEAK_CUES.has(t.word)) return 'weak';
  while (j >= 0 && POSSESSIVES.has(tokens[j]!.word)) j--;
  return 'none';
}

/** A word after "the", "a", "my"… is a common noun ("the pollen got bad"). */
function afterDeterminer(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  return !!p && /^\s+$/.test(tokens[i]!.gap) && ['the', 'a', 'an', 'my', 'this', 'that', 'some', 'any', 'no', 'our', 'your'].includes(p.word);
}

function followedByPersonVerb(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  return !!n && /^\s+$/.test(n.gap) && PERSON_VERBS.has(n.word);
}

/** "Dawn (his daughter)", "Sunny (pt)", "grant pt's son", "Maria, pt's mother", "Chidi Okafor dob …". */
function followedByRelation(tokens: Token[], i: number): boolean {
  let j = i + 1;
  const n = tokens[j];
  if (!n || !/^[\s,(]+$/.test(n.gap)) return false;
  while (tokens[j] && POSSESSIVES.has(tokens[j]!.word) && /^[\s,(]+$/.test(tokens[j]!.gap)) j++;
  const r = tokens[j];
  if (!r || !/^[\s,(']*$/.test(r.gap.replace(/s\b/, ''))) return false;
  if (['dob', 'mrn', 'bday', 'born'].includes(r.word)) return true;
  // "grant pt's son", "Dawn (his daughter)"; not "site red, wife Parisa", where the relation cues the name after it.
  return RELATION_CUES.has(r.word) && (j > i + 1 || n.gap.includes('(') || r.possessive);
}

const STATES = new Set('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '));

/** A place, not a person: the word after is a state code ("El Paso TX"). */
function beforeState(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  return !!n && /^[\s,]+$/.test(n.gap) && STATES.has(n.raw);
}

/** A name-like word: known as a name or not an English word at all. */
function nameLike(t: Token): boolean {
  return !t.never && (t.known || t.common === 0);
}

/** Finds person names (not clinicians or staff). */
export function detectNames(text: string, options: { referenced?: boolean } = {}): NameSpan[] {
  const tokens = tokenize(text);
  // "Will" after a relation is a name when capitalized or followed by a verb ("son will calling").
  tokens.forEach((t, i) => {
    const p = tokens[i - 1];
    const n = tokens[i + 1];
    if (t.word !== 'will' || !p || !RELATION_CUES.has(p.word)) return;
    if ((t.cap && !t.initial) || (n && PERSON_VERBS.has(n.word) && /(?:ing|ed|s)$/.test(n.word))) {
      t.never = false;
      t.known = true;
    }
  });
  const staff = staffMask(text, tokens);
  const score = tokens.map(() => 0);
  /** Evidence that the word is a patient's, relative's or caller's: a relation, role or contact cue. */
  const cued = tokens.map(() => false);

  tokens.forEach((t, i) => {
    if (staff[i] || !nameish(t)) return;
    const cue = cueBefore(tokens, i);
    if (cue === 'strong' && (t.known || t.common === 0 || (t.cap && !t.initial))) {
      score[i] = 0.9;
      cued[i] = true;
    } else if (cue === 'weak' && ((t.known && t.common < 2) || (t.common === 0 && (t.cap || t.raw.length > 3)) || (t.known && t.cap && !t.initial))) {
      score[i] = 0.8;
      const p = tokens[i - 1]!;
      cued[i] = CONTACT_CUES.has(p.word) || (['for', 'to', 'w', 'with'].includes(p.word) && CONTACT_CUES.has(tokens[i - 2]?.word ?? ''));
    }
    else if (t.known && t.common === 0 && (t.cap || t.raw.length > 3)) score[i] = 0.75;
    else if ((t.cap || (t.known && !afterDeterminer(tokens, i))) && (t.known || t.common === 0) && (followedByPersonVerb(tokens, i) || followedByRelation(tokens, i))) {
      score[i] = 0.7;
      cued[i] = followedByRelation(tokens, i);
    }
    else {
      // Two capitalized name-like words together ("Chidi Okafor", "Ivy Marsh", "Penny Albright"),
      // or a known given name and a word no dictionary has ("jack obrien").
      const n = tokens[i + 1];
      if (n && /^\s+$/.test(n.gap) && !staff[i + 1] && !beforeState(tokens, i + 1)) {
        const pair = t.cap && n.cap && (t.known || t.common === 0) && nameLike(n) && (lex().given.has(t.word) || lex().given.has(n.word) || (t.common === 0 && n.common === 0));
        const lower = lex().given.has(t.word) && (t.common < 2 || t.initial) && n.common === 0 && !n.never && /^[a-z']+$/.test(n.raw) && n.raw.length > 2;
        if (pair || lower) score[i] = 0.7;
      }
    }
  });

  // Neighbours: a capitalized or known word next to a name is part of it ("Zhang Wei", "Rose Adeyemi").
  for (let pass = 0; pass < 2; pass++) {
    tokens.forEach((t, i) => {
      if (score[i] || staff[i] || !nameish(t) || (t.common === 2 && !t.cap && !t.known)) return;
      if (!t.known && t.common > 0) return;
      const prev = i > 0 && score[i - 1] && /^\s+$|^,\s*$/.test(t.gap);
      const next = i + 1 < tokens.length && score[i + 1] && /^\s+$|^,\s*$/.test(tokens[i + 1]!.gap);
      if ((prev || next) && (t.cap || t.known)) score[i] = 0.7;
    });
  }

  // A capitalized given name that is also an everyday word joins the name after it ("Will Ashworth", "Pat McAllister").
  tokens.forEach((t, i) => {
    const n = tokens[i + 1];
    if (score[i] || staff[i] || !t.cap || !lex().given.has(t.word) || /^[A-Z]{2,}$/.test(t.raw) || !n || !/^\s+$/.test(n.gap) || staff[i + 1]) return;
    if (score[i + 1] || (n.cap && nameLike(n) && n.common === 0 && !beforeState(tokens, i + 1))) {
      score[i] = score[i + 1] || 0.7;
      score[i + 1] ||= 0.7;
    }
  });

  const spans: NameSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!score[i]) continue;
    let last = i;
    let confidence = score[i]!;
    // Join names separated by spaces or particles.
    for (let j = i + 1; j < tokens.length; j++) {
      if (!/^\s+$/.test(tokens[j]!.gap)) break;
      if (score[j]) {
        last = j;
        confidence = Math.max(confidence, score[j]!);
        continue;
      }
      if (PARTICLES.has(tokens[j]!.word) && tokens[j + 1] && score[j + 1] && /^\s+$/.test(tokens[j + 1]!.gap)) continue;
      break;
    }
    // A note that refers to its patient by reference names other people by role: without a
    // cue, a name there is a clinician's or a colleague's ("Okafor says ok to refill P-4K8M2T").
    if (!options.referenced || cued.slice(i, last + 1).some(Boolean)) spans.push({ start: tokens[i]!.start, end: tokens[last]!.end, confidence });
    i = last;
  }
  return spans;
}
