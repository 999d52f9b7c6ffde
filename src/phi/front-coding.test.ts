import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as lexicon from './lexicon.generated.ts';
import { decodeSortedWords, encodeSortedWords } from './front-coding.ts';

test('front coding gives back the very list it was given', () => {
  const long = 'a'.repeat(50);
  for (const words of [[], ['a'], ['abandon', 'abandoned', 'abandoning', 'abandons', 'abate'], ["o'brien", "o'connor", 'oakes'], [long, `${long}b`, `${long}bc`, 'b']]) {
    assert.deepEqual(decodeSortedWords(encodeSortedWords(words)), words);
  }
  assert.equal(encodeSortedWords(['abandon', 'abandoned', 'abate']), '0abandon7ed3te');
  assert.throws(() => encodeSortedWords(['Abe']), /only a–z/);
});

test('the shipped lexicon decodes to the word lists built from their sources', async () => {
  const { buildWordLists } = await import('../../scripts/build-phi-lexicon.ts');
  const lists = buildWordLists();
  for (const [name, words] of Object.entries(lists)) {
    const decoded = decodeSortedWords(lexicon[name as keyof typeof lexicon]);
    assert.equal(decoded.length, words.length, `${name}: ${decoded.length} words decoded, ${words.length} built`);
    assert.ok(decoded.every((w, i) => w === words[i]), `${name} decodes to its sorted word list`);
  }
});
