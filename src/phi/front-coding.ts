/**
 * Front coding of a sorted word list, the form the detector's lexicon is shipped in: each word
 * is written as how many leading letters it shares with the word before (one character, 0–9 then
 * A–Z for 10–35) followed by the rest of it. Sorted name and word lists share long prefixes
 * ("abandon abandoned abandoning"), so the list takes less than half the room of the words
 * separated by spaces, in the browser's detector chunk as in the repository. Words are lower-case letters and apostrophes only.
 */

const MAX_SHARED = 35;

function sharedCode(n: number): string {
  return n < 10 ? String.fromCharCode(48 + n) : String.fromCharCode(55 + n);
}

/** Encodes a sorted list of words of lower-case letters and apostrophes. */
export function encodeSortedWords(words: readonly string[]): string {
  let out = '';
  let previous = '';
  for (const word of words) {
    if (!/^[a-z']+$/.test(word)) throw new Error(`cannot front-code ${JSON.stringify(word)}: only a–z and apostrophes`);
    let shared = 0;
    while (shared < MAX_SHARED && shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared++;
    out += sharedCode(shared) + word.slice(shared);
    previous = word;
  }
  return out;
}

/** Decodes what `encodeSortedWords` wrote back into the list of words, in order. */
export function decodeSortedWords(coded: string): string[] {
  const words: string[] = [];
  let previous = '';
  let i = 0;
  while (i < coded.length) {
    const c = coded.charCodeAt(i);
    const shared = c <= 57 ? c - 48 : c - 55;
    let end = i + 1;
    // Letters (97–122) and the apostrophe (39) continue the word; a digit or capital starts the next.
    while (end < coded.length) {
      const d = coded.charCodeAt(end);
      if (d < 97 && d !== 39) break;
      end++;
    }
    previous = previous.slice(0, shared) + coded.slice(i + 1, end);
    words.push(previous);
    i = end;
  }
  return words;
}
