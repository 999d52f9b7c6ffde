/** Folds a word for lexicon lookups: compatibility-decomposed, marks removed, lower case, curly apostrophes straightened. */
export function foldWord(word: string): string {
  if (!/[^ -~]/.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}
