/**
 * Scores the PHI detector on the hand-labelled call notes: `npm run eval:phi`.
 *
 * Two parts: the development notes (dev-*.txt), used while improving the detector, and the
 * held-out notes (heldout.txt), never used for tuning. Matching is by overlap: a labelled
 * entity counts as found when a detected span overlaps it (whatever type the detector gave it,
 * since refusing or redacting it protects the patient either way; type agreement is shown
 * separately), and a detected span is correct when it overlaps a labelled entity.
 *
 * Options: --errors prints the development part's misses and false alarms;
 * --errors=heldout prints the held-out part's (for the report of what still fails, not tuning).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectPhi, PHI_TYPES, type PhiSpan } from '../../src/phi/detect.ts';
import { parseCorpus, type Note } from './corpus.ts';

const dir = import.meta.dirname;

function load(filter: (file: string) => boolean): Note[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && filter(f))
    .sort()
    .flatMap((f) => parseCorpus(readFileSync(path.join(dir, f), 'utf8'), f));
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

interface Counts {
  gold: number;
  found: number;
  typed: number;
  predicted: number;
  correct: number;
}

export interface Score {
  notes: number;
  phiNotes: number;
  flaggedPhiNotes: number;
  freeNotes: number;
  flaggedFreeNotes: number;
  byType: Map<string, Counts>;
  total: Counts;
  misses: { note: Note; text: string; type: string }[];
  falseAlarms: { note: Note; text: string; type: string }[];
}

export function score(notes: Note[], detect: (text: string) => PhiSpan[] = detectPhi): Score {
  const counts = (): Counts => ({ gold: 0, found: 0, typed: 0, predicted: 0, correct: 0 });
  const byType = new Map<string, Counts>(PHI_TYPES.map((t) => [t, counts()]));
  const total = counts();
  const s: Score = { notes: notes.length, phiNotes: 0, flaggedPhiNotes: 0, freeNotes: 0, flaggedFreeNotes: 0, byType, total, misses: [], falseAlarms: [] };
  for (const note of notes) {
    const spans = detect(note.text);
    if (note.spans.length > 0) {
      s.phiNotes += 1;
      if (spans.length > 0) s.flaggedPhiNotes += 1;
    } else {
      s.freeNotes += 1;
      if (spans.length > 0) s.flaggedFreeNotes += 1;
    }
    for (const g of note.spans) {
      const c = byType.get(g.type)!;
      const hits = spans.filter((p) => overlaps(p, g));
      c.gold += 1;
      total.gold += 1;
      if (hits.length > 0) {
        c.found += 1;
        total.found += 1;
        if (hits.some((h) => h.type === g.type)) {
          c.typed += 1;
          total.typed += 1;
        }
      } else s.misses.push({ note, text: note.text.slice(g.start, g.end), type: g.type });
    }
    for (const p of spans) {
      const c = byType.get(p.type)!;
      c.predicted += 1;
      total.predicted += 1;
      if (note.spans.some((g) => overlaps(p, g))) {
        c.correct += 1;
        total.correct += 1;
      } else s.falseAlarms.push({ note, text: note.text.slice(p.start, p.end), type: p.type });
    }
  }
  return s;
}

const ratio = (a: number, b: number) => (b === 0 ? '   –  ' : (a / b).toFixed(3).padStart(6));

function report(name: string, s: Score): void {
  console.log(`\n${name}: ${s.notes} notes (${s.phiNotes} with PHI, ${s.freeNotes} PHI-free), ${s.total.gold} entities`);
  console.log('  type          entities  recall  typed  detected  precision');
  for (const [type, c] of [...s.byType, ['ALL', s.total] as const]) {
    if (c.gold === 0 && c.predicted === 0) continue;
    console.log(`  ${type.padEnd(13)} ${String(c.gold).padStart(8)}  ${ratio(c.found, c.gold)} ${ratio(c.typed, c.gold)} ${String(c.predicted).padStart(9)}  ${ratio(c.correct, c.predicted)}`);
  }
  console.log(`  note recall (PHI notes flagged):          ${ratio(s.flaggedPhiNotes, s.phiNotes)}  (${s.flaggedPhiNotes}/${s.phiNotes})`);
  console.log(`  note false-positive rate (PHI-free flagged): ${ratio(s.flaggedFreeNotes, s.freeNotes)}  (${s.flaggedFreeNotes}/${s.freeNotes})`);
}

function printErrors(s: Score): void {
  for (const m of s.misses) console.log(`  MISS ${m.type.padEnd(12)} ${JSON.stringify(m.text).padEnd(24)} ${m.note.id}  ${m.note.text}`);
  for (const f of s.falseAlarms) console.log(`  FP   ${f.type.padEnd(12)} ${JSON.stringify(f.text).padEnd(24)} ${f.note.id}  ${f.note.text}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const dev = score(load((f) => f.startsWith('dev-')));
  const heldout = score(load((f) => f.startsWith('heldout')));
  report('Development part', dev);
  report('Held-out part', heldout);
  const errors = process.argv.find((a) => a.startsWith('--errors'));
  if (errors === '--errors') printErrors(dev);
  if (errors === '--errors=heldout') printErrors(heldout);
}
