import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { detectPhi } from './detect.ts';

/**
 * `ringfence scan-phi`: JSON Lines in (`{"id","text"}`), one JSON line out per input line
 * (`{"id","spans":[{"start","end","type"}]}`), nothing else on standard output. A malformed
 * line is reported on standard error with its line number and skipped; the result is then 2.
 */
export async function scanPhiLines(input: Readable, output: Writable, errors: Writable): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let status = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      errors.write(`line ${lineNumber}: not valid JSON\n`);
      status = 2;
      continue;
    }
    const record = parsed as { id?: unknown; text?: unknown } | null;
    if (record === null || typeof record !== 'object' || Array.isArray(record) || !('id' in record) || (typeof record.id !== 'string' && typeof record.id !== 'number')) {
      errors.write(`line ${lineNumber}: expected an object with "id" (string or number) and "text" (string)\n`);
      status = 2;
      continue;
    }
    if (typeof record.text !== 'string') {
      errors.write(`line ${lineNumber}: "text" must be a string\n`);
      status = 2;
      continue;
    }
    const spans = detectPhi(record.text).map(({ start, end, type }) => ({ start, end, type }));
    output.write(`${JSON.stringify({ id: record.id, spans })}\n`);
  }
  return status;
}
