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
import { decodeSortedWords } from './front-coding.ts';
import { COMMON_WORDS, FAMILY_NAMES, GIVEN_NAMES, VERY_COMMON_WORDS } from './lexicon.generated.ts';
import * as vocabulary from './vocabulary.ts';

// Read once: the detector looks these up for every word.
const {
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
} = vocabulary;

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
    given: new Set(decodeSortedWords(GIVEN_NAMES)),
    family: new Set(decodeSortedWords(FAMILY_NAMES)),
    veryCommon: new Set(decodeSortedWords(VERY_COMMON_WORDS)),
    common: new Set(decodeSortedWords(COMMON_WORDS)),
  };
  return lexicon;
}

const PARTICLES = new Set(['de', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'den', 'da', 'di', 'dos', 'das', 'du', 'bin', 'binti', 'ibn', 'al', 'el', 'st', 'mac', 'ben']);
/** Titles that are also everyday words: they count only when typed in capitals ("MA Kim", "DO"). */
const CAPITALS_ONLY_TITLES = new Set(['ma', 'do', 'od', 'pa']);
/** Words before a month used as a month ("in June", "early May"). */
const DATE_PREPOSITIONS = new Set(['in', 'on', 'by', 'until', 'till', 'since', 'before', 'after', 'of', 'early', 'mid', 'late', 'next', 'last', 'this', 'from', 'through', 'thru', 'during', 'end']);
const HANDING_WORDS = new Set(['to', 'for', 'w', 'with']);
const ON_DUTY_AFTER_ON = new Set(['call', 'til', 'until', 'tonight', 'today']);
const PLACE_WORDS = new Set(['at', 'in', 'from', 'with']);
const SPOKE_LINKS = new Set(['w', 'with', 'to']);
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'this', 'that', 'some', 'any', 'no', 'our', 'your']);
const IDENTITY_CUES = new Set(['dob', 'mrn', 'bday', 'born']);
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
  /** Only white space before it. */
  spaced: boolean;
  /** Joined to the word before as one phrase, full stops and commas aside ("spoke w/ maria", "re: Ana", "Dr. Patel"). */
  joined: boolean;
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

interface Lexical {
  word: string;
  known: boolean;
  common: 0 | 1 | 2;
  /** Never a name whatever the context: a contraction, a drug or clinical term, a brand. */
  lexicalNever: boolean;
  allCaps: boolean;
  capitalized: boolean;
}

/** Whether the text between two words ends a sentence or starts a list item ("… 3pm. Maria", "- Maria"). */
function startsSentence(gap: string): boolean {
  for (let i = gap.length - 1; i >= 0; i -= 1) {
    const c = gap[i]!;
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '.' || c === '!' || c === '?' || c === ';' || c === '\n') return true;
    // A bullet, alone in the gap.
    return (c === '-' || c === '–' || c === '•' || c === '*') && gap.slice(0, i).trim() === '';
  }
  return false;
}

/** What the lexicon says of a typed word, remembered: call notes reuse a small vocabulary. */
const LEXICAL_CACHE = new Map<string, Lexical>();
const LEXICAL_CACHE_MAX = 50_000;

function lexical(lexicon: Lexicon, raw: string): Lexical {
  const cached = LEXICAL_CACHE.get(raw);
  if (cached) return cached;
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
  // Letters with marks (Đặng, Peña) are not English words.
  if (common !== 0 && /[^ -~]/.test(raw)) common = 0;
  const lexicalNever =
    (word.includes("'") && /'(?:t|ll|re|ve|d|m)$/.test(word)) || (!known && common === 0 && (DRUG_ENDING.test(word) || CLINICAL_ENDING.test(word))) || brandName(raw);
  const first = raw[0]!;
  const entry = { word, known, common, lexicalNever, allCaps: raw === raw.toUpperCase(), capitalized: first !== first.toLowerCase() };
  if (LEXICAL_CACHE.size >= LEXICAL_CACHE_MAX) LEXICAL_CACHE.clear();
  LEXICAL_CACHE.set(raw, entry);
  return entry;
}

function tokenize(text: string): Token[] {
  const lexicon = lex();
  // A note typed in capitals ("PT STATES WORST HEADACHE") gives no evidence by capitalization.
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper += 1;
    else if (c >= 97 && c <= 122) lower += 1;
  }
  const shouting = upper + lower > 20 && upper > (upper + lower) * 0.6;

  const tokens: Token[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let raw = m[0];
    const last = raw.charCodeAt(raw.length - 1);
    if ((last === 115 || last === 83) && raw.length > 2 && (raw[raw.length - 2] === "'" || raw[raw.length - 2] === '’')) raw = raw.slice(0, -2);
    const { word, known, common, lexicalNever } = lexical(lexicon, raw);
    const gap = text.slice(previousEnd, m.index);
    const { allCaps, capitalized } = lexical(lexicon, raw);
    const acronym = raw.length <= 5 && raw.length > 1 && allCaps && raw !== 'MR' && raw !== 'MRS' && raw !== 'MS' && !(shouting && (known || common > 0));
    const cap = capitalized && !shouting;
    const initial = tokens.length === 0 || startsSentence(gap);
    const never =
      word.length < 2 ||
      acronym ||
      // Months that are also given names count as names only capitalized mid-sentence ("wife June").
      (NEVER_NAMES.has(word) && !(CALENDAR_GIVEN_NAMES.has(word) && cap && !initial && !DATE_PREPOSITIONS.has(tokens[tokens.length - 1]?.word ?? ''))) ||
      // A relation typed in lower case is the cue, not the name ("says baby has").
      (RELATION_CUES.has(word) && !cap) ||
      lexicalNever;
    tokens.push({
      start: m.index,
      end: m.index + raw.length,
      raw,
      word,
      cap,
      initial,
      possessive: raw.length < m[0].length,
      spaced: gap.length > 0 && gap.trim() === '',
      joined: JOINED.test(gap.replace(/[.,]/g, '')),
      gap,
      known,
      common,
      never,
    });
    previousEnd = m.index + m[0].length;
  }
  // Nor does one typed in Title Case ("No Msg, Hung Up").
  if (tokens.length >= 3) {
    let capitalized = 0;
    for (const t of tokens) if (t.cap) capitalized += 1;
    if (capitalized >= tokens.length * 0.8) for (const t of tokens) t.cap = false;
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

/** Whether token k starts a new clause (or there is none). */
function endsClause(tokens: Token[], k: number): boolean {
  return !tokens[k] || /[,.;:(\n]/.test(tokens[k]!.gap);
}

/** Marks clinicians and staff: words after a title, before a credential, or placed at a desk. */
function staffMask(text: string, tokens: Token[]): boolean[] {
  const staff = tokens.map(() => false);
  tokens.forEach((t, i) => {
    // "escalated to Dwayne", "confirm w Marisol", "leave at front desk w Yusuf".
    const handedTo = HANDING_WORDS.has(t.word) && i > 0 && (STAFF_VERBS.has(tokens[i - 1]!.word) || (t.word !== 'to' && t.word !== 'for' && STAFF_PLACES.has(tokens[i - 1]!.word)));
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
        if (!p.spaced) break;
      }
    }
    // Organizations named after people or places: "Cleveland Clinic", "Cook Children's",
    // "Memorial Sloan Kettering", "Sheppard Pratt intake".
    if (t.cap && (ORG_SUFFIXES.has(t.word) || (DEPARTMENTS.has(t.word) && !strongCue(tokens, i - 1)))) {
      for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
        const p = tokens[j]!;
        if (!p.cap || !tokens[j + 1]!.spaced || isTitle(p, PERSON_TITLES)) break;
        staff[j] = true;
      }
    }
    if (DEPARTMENTS.has(t.word) && !t.cap && i > 0 && tokens[i - 1]!.cap && t.spaced) {
      for (let j = i - 1; j >= 0 && j >= i - 3 && tokens[j]!.cap; j--) {
        if (strongCue(tokens, j)) break;
        staff[j] = true;
        if (!tokens[j]!.spaced) break;
      }
    }
    if (t.cap && ORG_PREFIXES.has(t.word) && t.word !== 'st' && t.word !== 'saint') {
      for (let j = i + 1; j < tokens.length && j <= i + 2 && tokens[j]!.cap && tokens[j]!.spaced; j++) staff[j] = true;
    }
    const n1 = tokens[i + 1];
    const n2 = tokens[i + 2];
    if (t.cap && nameish(t) && n1 && n1.spaced) {
      // An extension belongs to staff: "left vm for Keoni ext 2231".
      const extension = (n1.word === 'ext' || n1.word === 'x') && /^\s*\d/.test(text.slice(n1.end));
      // On duty: "Kowalski on call tonight", "Castellanos primary", "Baptiste til 7am".
      const onDuty =
        (ON_DUTY.has(n1.word) && (n1.word.startsWith('on') || endsClause(tokens, i + 2))) ||
        (n1.word === 'on' && !!n2 && ON_DUTY_AFTER_ON.has(n2.word)) ||
        (n1.word === 'til' && !!n2 && /^\s*\d/.test(n2.gap + ' '));
      if (extension || onDuty) {
        // The capitalized name (up to three words) ending here, unless a relation or title introduced it.
        for (let j = i; j >= 0 && j >= i - 2 && tokens[j]!.cap && !strongCue(tokens, j); j--) {
          staff[j] = true;
          if (!tokens[j]!.spaced) break;
        }
      }
    }
    // Places named after saints: "St. Mary's", "Saint Luke".
    if ((t.word === 'st' || t.word === 'saint') && tokens[i + 1]?.cap) staff[i + 1] = true;
    // "Tanya at front desk", "Marcus in billing", "Kim from Dr. Lee's office".
    const next = tokens[i + 1];
    const after = tokens[i + 2]?.word === 'the' ? tokens[i + 3] : tokens[i + 2];
    if (nameish(t) && next && PLACE_WORDS.has(next.word) && after && (STAFF_PLACES.has(after.word) || CLINICIAN_TITLES.has(after.word))) {
      for (let j = i; j >= 0 && j >= i - 2; j--) {
        if (!nameish(tokens[j]!)) break;
        staff[j] = true;
        if (!tokens[j]!.spaced) break;
      }
    }
  });
  return staff;
}

type Cue = 'strong' | 'weak' | 'none';

/** The cue before token i, looking past possessives ("his wife maria", "pt's daughter"). */
function cueBefore(tokens: Token[], i: number): Cue {
  let j = i - 1;
  if (j < 0 || !tokens[i]!.joined) return 'none';
  const t = tokens[j]!;
  // "PT" in capitals is as often physical therapy: it cues only a capitalized or known name.
  const therapy = t.raw === 'PT' && !tokens[i]!.cap && !tokens[i]!.known;
  if ((RELATION_CUES.has(t.word) && !therapy) || isTitle(t, PERSON_TITLES)) return 'strong';
  const before = tokens[j - 1];
  // "spoke w/", "spoke with", "talked to": strong.
  if (SPOKE_LINKS.has(t.word) && before && SPOKE.has(before.word)) return 'strong';
  if (WEAK_CUES.has(t.word)) return 'weak';
  while (j >= 0 && POSSESSIVES.has(tokens[j]!.word)) j--;
  return 'none';
}

/** A word after "the", "a", "my"… is a common noun ("the pollen got bad"). */
function afterDeterminer(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  return !!p && tokens[i]!.spaced && DETERMINERS.has(p.word);
}

/** A relation, title or "spoke w/" right before token i (none for i < 0). */
function strongCue(tokens: Token[], i: number): boolean {
  return i >= 0 && cueBefore(tokens, i) === 'strong';
}

function followedByPersonVerb(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  return !!n && n.spaced && PERSON_VERBS.has(n.word);
}

/** "Dawn (his daughter)", "Sunny (pt)", "grant pt's son", "Maria, pt's mother", "Chidi Okafor dob …". */
function followedByRelation(tokens: Token[], i: number): boolean {
  let j = i + 1;
  const n = tokens[j];
  if (!n || !/^[\s,(]+$/.test(n.gap)) return false;
  while (tokens[j] && POSSESSIVES.has(tokens[j]!.word) && /^[\s,(]+$/.test(tokens[j]!.gap)) j++;
  const r = tokens[j];
  if (!r || !/^[\s,(']*$/.test(r.gap.replace(/s\b/, ''))) return false;
  if (IDENTITY_CUES.has(r.word)) return true;
  // "grant pt's son", "Dawn (his daughter)"; not "site red, wife Parisa", where the relation cues the name after it.
  return RELATION_CUES.has(r.word) && (j > i + 1 || n.gap.includes('(') || r.possessive);
}

const STATES = new Set('AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(' '));

/** A place, not a person: the word after is a state code ("El Paso TX"). */
function beforeState(tokens: Token[], i: number): boolean {
  const n = tokens[i + 1];
  return !!n && /^[\s,]+$/.test(n.gap) && STATES.has(n.raw);
}

/** One capital letter: an initial. */
const INITIAL = /^[A-Z]$/;

/** Token j is a middle initial: one capital letter (with or without its dot), then a capitalized word. */
function middleInitial(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  const n = tokens[j + 1];
  return INITIAL.test(t.raw) && t.spaced && n !== undefined && /^\.?\s+$/.test(n.gap) && /^[A-Z][a-z'’-]/.test(n.raw);
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
      cued[i] = CONTACT_CUES.has(p.word) || (HANDING_WORDS.has(p.word) && CONTACT_CUES.has(tokens[i - 2]?.word ?? ''));
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
      if (n && n.spaced && !staff[i + 1] && !beforeState(tokens, i + 1)) {
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
    if (score[i] || staff[i] || !t.cap || !lex().given.has(t.word) || /^[A-Z]{2,}$/.test(t.raw) || !n || !n.spaced || staff[i + 1]) return;
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
      if (!tokens[j]!.spaced) break;
      if (score[j]) {
        last = j;
        confidence = Math.max(confidence, score[j]!);
        continue;
      }
      if (PARTICLES.has(tokens[j]!.word) && tokens[j + 1] && score[j + 1] && tokens[j + 1]!.spaced) continue;
      // A middle initial ("Jane Q. Placeholder", "John R Doe"): the capitalized word after it is
      // the family name, whatever else that word means, so the whole name is one span.
      if (middleInitial(tokens, j) && !staff[j + 1]) {
        last = j + 1;
        j += 1;
        continue;
      }
      break;
    }

    // A note that refers to its patient by reference names other people by role: without a
    // cue, a name there is a clinician's or a colleague's ("Okafor says ok to refill P-4K8M2T").
    if (!options.referenced || cued.slice(i, last + 1).some(Boolean)) spans.push({ start: tokens[i]!.start, end: tokens[last]!.end, confidence });
    i = last;
  }
  return spans;
}
