/**
 * The reliability and security suites run in two sizes: a short form in `npm test` (and CI),
 * and a long form in `npm run soak`, which sets RINGFENCE_SOAK=1. Each suite takes its counts
 * from here and prints the figures it reached.
 */
export const SOAK = process.env.RINGFENCE_SOAK === '1';

/** `short` in `npm test`, `long` in `npm run soak`. */
export function scale(short: number, long: number): number {
  return SOAK ? long : short;
}

/** Prints one suite figure in a form the README and a reviewer can quote. */
export function report(suite: string, figures: Record<string, string | number>): void {
  const text = Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  process.stdout.write(`[suite ${suite}] engine=${process.env.RINGFENCE_TEST_ENGINE ?? 'sqlite'} ${SOAK ? 'long' : 'short'} ${text}\n`);
}
