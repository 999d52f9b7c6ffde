/**
 * What each figure of the callback report means, in the words the PDF, the API document and
 * the README use (the console's Reports screen says the same).
 */
export const DEFINITIONS: readonly { term: string; meaning: string }[] = [
  { term: 'Received', meaning: 'callbacks created in the period (the client’s days, in its time zone).' },
  { term: 'Completed', meaning: 'of those, the ones now completed (any resolution, unreachable and declined included; cancelled ones are not).' },
  { term: 'Within SLA', meaning: 'completed callbacks closed by their due time, as a share of the completed ones.' },
  { term: 'Median time to first attempt', meaning: 'from creation to the first contact attempt, over the callbacks with an attempt.' },
  { term: 'Attempts per callback', meaning: 'contact attempts on the period’s callbacks divided by the callbacks received.' },
  { term: 'Unreachable', meaning: 'callbacks resolved as unreachable (the last allowed attempt reached no one).' },
  { term: 'Escalated', meaning: 'callbacks escalated now, or with a wrong-number or disconnected attempt.' },
  { term: 'Handled (per agent)', meaning: 'the client’s callbacks the agent attempted, or held when they were completed, in the period.' },
  { term: 'Median handling time (per agent)', meaning: 'from the agent’s final claim of a callback to its completion, over the callbacks they completed with a claim on record.' },
];
