/**
 * The PHI evaluation set: hand-written call notes, one per line, with the PHI marked inline as
 * `[[TYPE:text]]`. Lines starting with `#` are comments; blank lines are skipped. A note with
 * no marks is PHI-free (every such note is a hard negative: it was written to tempt a detector).
 */
import { PHI_TYPES, type PhiType } from '../../src/phi/detect.ts';

export interface GoldSpan {
  start: number;
  end: number;
  type: PhiType;
}

export interface Note {
  /** File name and line number, for reports. */
  id: string;
  text: string;
  spans: GoldSpan[];
}

const MARK = /\[\[([A-Z_]+):([^[\]]+)\]\]/g;

/** Parses one corpus file; throws naming the line of the first malformed mark. */
export function parseCorpus(source: string, name: string): Note[] {
  const notes: Note[] = [];
  source.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const id = `${name}:${index + 1}`;
    const spans: GoldSpan[] = [];
    let text = '';
    let last = 0;
    MARK.lastIndex = 0;
    for (let m = MARK.exec(line); m; m = MARK.exec(line)) {
      const type = m[1] as PhiType;
      if (!PHI_TYPES.includes(type)) throw new Error(`${id}: unknown type ${m[1]}`);
      text += line.slice(last, m.index);
      const start = text.length;
      text += m[2];
      spans.push({ start, end: text.length, type });
      last = m.index + m[0].length;
    }
    text += line.slice(last);
    if (text.includes('[[') || text.includes(']]')) throw new Error(`${id}: malformed mark`);
    notes.push({ id, text, spans });
  });
  return notes;
}
