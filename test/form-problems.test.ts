import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { formProblemMessage, unshownFieldErrors } from '../web/src/ui/problems.ts';

/** The console's rule for problems: whatever no field on the form shows is said at form level. */

const BAA_REFUSAL = {
  detail: 'Client A has no active signed business associate agreement: its PHI can be neither created nor read until one is recorded',
  fieldErrors: { clientId: 'client 7f3 needs a signed BAA in effect today' },
};

test('a refusal naming a field the form has no input for is said at form level', () => {
  assert.equal(formProblemMessage(BAA_REFUSAL, []), BAA_REFUSAL.detail);
  const training = { detail: 'Complete your training before handling PHI: HIPAA basics (not completed)', fieldErrors: { 'training.hipaa_basics': 'not completed' } };
  assert.equal(formProblemMessage(training, ['must not be empty']), training.detail);
});

test('a problem with no field always has its sentence said', () => {
  assert.equal(formProblemMessage({ detail: 'This callback was claimed by someone else', fieldErrors: {} }, []), 'This callback was claimed by someone else');
});

test('nothing more is said when every field error is on screen; one missing field is enough to say the sentence', () => {
  const problem = { detail: 'name.family: must not be empty', fieldErrors: { 'name.family': 'must not be empty', dateOfBirth: 'not a date' } };
  assert.equal(formProblemMessage(problem, ['not a date', 'must not be empty']), null);
  assert.equal(formProblemMessage(problem, ['not a date']), problem.detail);
});

test('each message on screen accounts for one field error: two fields failing with the same words need both shown', () => {
  const fieldErrors = { 'phones.0.number': 'not a phone number', 'phones.1.number': 'not a phone number' };
  assert.deepEqual(unshownFieldErrors(fieldErrors, ['not a phone number']), ['phones.1.number']);
  assert.deepEqual(unshownFieldErrors(fieldErrors, ['not a phone number', 'not a phone number']), []);
});

/** The text of a call's arguments, from just after its opening parenthesis to the matching one. */
function callText(source: string, from: number): string {
  let depth = 1;
  for (let i = from; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(from, i);
  }
  return source.slice(from);
}

/**
 * A mutation's error is the one a screen most easily forgets: every `useMutation` in the
 * console must have its error read (shown through useFormProblem, a notice or a toast).
 */
test('every useMutation in the console has its error shown somewhere', () => {
  const root = new URL('../web/src/', import.meta.url).pathname;
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'));
  const silent: string[] = [];
  let seen = 0;
  for (const file of files) {
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const m of source.matchAll(/(?:const (\w+) = |return )useMutation\(/g)) {
      seen++;
      const name = m[1];
      const handled = /\bonError\s*:/.test(callText(source, m.index + m[0].length)) || (name !== undefined && new RegExp(`\\b${name}\\.error\\b`).test(source));
      if (!handled) silent.push(`${file}: ${name ?? 'useMutation'}`);
    }
  }
  assert.ok(seen >= 8, `found ${seen} useMutation calls: the scan no longer sees them`);
  assert.deepEqual(silent, [], 'mutations whose error no one shows');
});
