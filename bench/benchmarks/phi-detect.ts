import { detectPhi } from '../../src/phi/detect.ts';
import type { Benchmark } from '../harness.ts';
import { runClosedLoop } from '../load.ts';

const NOTE_CHARS = 200;

/** Synthetic call notes of about 200 characters, with and without PHI, as agents type them. */
const NOTES = [
  'pt called re refill lisinopril 10mg, pharmacy CVS on main, cb 555-201-3344 after 3pm, dob 4/12/61, BP 140/90 at home, asks for 90 day supply, P-7F3K2Q, left vm x2',
  'daughter called for mom (92 yo), appt March 3rd w/ Dr Patel moved?, needs cb at (555) 201-3345, mrn 00123456, member id XYZ123456789, lives 42 Oak St apt 3 IL 62701',
  'P-9XBNBB results question, A1c 7.2 last visit, CPT 99213, ICD E11.9, no answer on first attempt, will retry after lunch, 2 attempts so far, routine priority, queue refills',
  'caller states she is out of metformin 500 mg, pharmacy Walgreens fax 555-201-0000, email jane.d@example.test, ssn on file, seen 2024-05-01, wants callback tomorrow am',
].map((n) => n.padEnd(NOTE_CHARS, ' ').slice(0, NOTE_CHARS));

/** The PHI detector on one core: notes of 200 characters per second, one at a time. */
export const phiDetect: Benchmark = {
  name: 'phi.detect',
  description: `detectPhi on ${NOTE_CHARS}-character call notes, one at a time on one core (no database)`,
  async run(env) {
    let i = 0;
    let spans = 0;
    const result = await runClosedLoop({ concurrency: 1, durationMs: env.settings.durationMs, warmupMs: env.settings.warmupMs }, async () => {
      spans += detectPhi(NOTES[(i += 1) % NOTES.length]!).length;
    });
    if (spans === 0) throw new Error('the detector found nothing in notes that carry PHI');
    return { ops_per_s: result.opsPerSecond, p50_ms: result.latency.p50, p99_ms: result.latency.p99, figures: { note_chars: NOTE_CHARS, notes: NOTES.length } };
  },
};
