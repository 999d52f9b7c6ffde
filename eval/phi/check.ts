// Checks corpus files parse and prints their counts: npx tsx eval/phi/check.ts FILE...
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCorpus } from './corpus.ts';

for (const file of process.argv.slice(2)) {
  const notes = parseCorpus(readFileSync(file, 'utf8'), path.basename(file));
  const byType = new Map<string, number>();
  for (const n of notes) for (const s of n.spans) byType.set(s.type, (byType.get(s.type) ?? 0) + 1);
  const free = notes.filter((n) => n.spans.length === 0).length;
  console.log(`${file}: ${notes.length} notes, ${notes.length - free} with PHI, ${free} PHI-free`);
  console.log('  ' + [...byType].sort((a, b) => b[1] - a[1]).map(([t, c]) => `${t} ${c}`).join(', '));
}
