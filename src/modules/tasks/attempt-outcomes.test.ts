import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../platform/http/errors.ts';
import { BAD_NUMBER_OUTCOMES, nextAfterAttempt, WRONG_NUMBER_AFTER_DETAILS, type AttemptPolicy, type TaskAfterAttempt, type TaskBeforeAttempt } from './attempt-outcomes.ts';
import { DISCLOSURES, OUTCOMES, RESOLUTIONS, TASK_STATUSES, type Disclosure, type Outcome, type TaskStatus } from './tasks.tables.ts';

const MINUTE = 60_000;
/** Outcomes that leave the patient neither reached nor refusing, and the number not known wrong: try again. */
const TRIES: Outcome[] = ['no_answer', 'busy', 'voicemail_left'];
const TERMINAL: TaskStatus[] = ['completed', 'cancelled'];

const policies = fc.record<AttemptPolicy>({
  maxAttempts: fc.integer({ min: 1, max: 10 }),
  retryMinutes: fc.integer({ min: 1, max: 1440 }),
  afterLastAttempt: fc.constantFrom('escalate', 'close'),
  claimTimeoutMinutes: fc.integer({ min: 1, max: 240 }),
});
/** A task that takes attempts: open, claimed, waiting, or escalated (a supervisor works it). */
const workableTasks = fc.record<TaskBeforeAttempt>({
  status: fc.constantFrom<TaskStatus>('open', 'claimed', 'waiting', 'escalated'),
  // Beyond the policy's maximum too: reached attempts do not count against it, and a supervisor may keep trying an escalated task.
  attemptCount: fc.integer({ min: 0, max: 15 }),
  incidentFlag: fc.constantFrom(null, WRONG_NUMBER_AFTER_DETAILS),
  resolution: fc.constantFrom(null, 'cancelled', 'resolved'),
});
/** Attempts the API accepts: details can be given only before learning the number was wrong. */
const attempts = fc.constantFrom(...OUTCOMES).chain((outcome) =>
  fc.record({ outcome: fc.constant(outcome), disclosure: outcome === 'wrong_number' ? fc.constantFrom<Disclosure>(...DISCLOSURES) : fc.constant<Disclosure>('none') }),
);
const times = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());

const refusal = (code: AppError['code'], field: string) => (error: unknown) => error instanceof AppError && error.code === code && error.field === field;

test('attempt examples of the callback policy: waits between tries, escalates or closes after the last, reached stays claimed', () => {
  const policy: AttemptPolicy = { maxAttempts: 2, retryMinutes: 20, afterLastAttempt: 'escalate', claimTimeoutMinutes: 10 };
  const now = '2026-06-02T14:00:00.000Z';
  const fresh: TaskBeforeAttempt = { status: 'claimed', attemptCount: 0, incidentFlag: null, resolution: null };
  assert.deepEqual(nextAfterAttempt(policy, fresh, { outcome: 'no_answer', disclosure: 'none' }, now), {
    number: 1,
    status: 'waiting',
    readyAt: '2026-06-02T14:20:00.000Z',
    closedWith: null,
    resolution: null,
    incidentFlag: null,
    escalation: null,
  });
  const second = { ...fresh, attemptCount: 1 };
  assert.equal(nextAfterAttempt(policy, second, { outcome: 'voicemail_left', disclosure: 'none' }, now).escalation, 'max_attempts');
  const closing = nextAfterAttempt({ ...policy, maxAttempts: 1, afterLastAttempt: 'close' }, fresh, { outcome: 'no_answer', disclosure: 'none' }, now);
  assert.deepEqual([closing.status, closing.closedWith, closing.resolution], ['completed', 'unreachable', 'unreachable']);
  const wrong = nextAfterAttempt(policy, fresh, { outcome: 'wrong_number', disclosure: 'details_given' }, now);
  assert.deepEqual([wrong.status, wrong.escalation, wrong.incidentFlag], ['escalated', 'wrong_number', WRONG_NUMBER_AFTER_DETAILS]);
  const reached = nextAfterAttempt(policy, { ...fresh, attemptCount: 5 }, { outcome: 'reached', disclosure: 'none' }, now);
  assert.deepEqual([reached.number, reached.status, reached.readyAt, reached.escalation], [6, 'claimed', '2026-06-02T14:10:00.000Z', null]);
  const declined = nextAfterAttempt(policy, fresh, { outcome: 'declined', disclosure: 'none' }, now);
  assert.deepEqual([declined.status, declined.closedWith], ['completed', 'declined']);
});

test('every attempt counts once, leaves a task in a status that exists, and is consistent about escalation and closing', () => {
  fc.assert(
    fc.property(policies, workableTasks, attempts, times, (policy, task, attempt, now) => {
      const after = nextAfterAttempt(policy, task, attempt, now);
      assert.equal(after.number, task.attemptCount + 1);
      assert.ok(TASK_STATUSES.includes(after.status));
      // An attempt never reopens a task nor cancels it: those are the queue's and the supervisor's.
      assert.ok(['claimed', 'waiting', 'escalated', 'completed'].includes(after.status), after.status);
      assert.equal(after.escalation !== null, after.status === 'escalated', 'escalated exactly when a reason is given');
      assert.equal(after.closedWith !== null, after.status === 'completed', 'closed exactly when completed');
      if (after.closedWith) {
        assert.ok((RESOLUTIONS as readonly string[]).includes(after.closedWith));
        assert.equal(after.resolution, after.closedWith);
      } else {
        assert.equal(after.resolution, task.resolution, 'an attempt that does not close keeps the resolution');
      }
      assert.ok(Date.parse(after.readyAt) >= Date.parse(now), 'never ready in the past');
    }),
  );
});

test('tries never go past the policy maximum without escalating or closing', () => {
  fc.assert(
    fc.property(policies, workableTasks, fc.constantFrom(...TRIES), times, (policy, task, outcome, now) => {
      const after = nextAfterAttempt(policy, task, { outcome, disclosure: 'none' }, now);
      if (after.number < policy.maxAttempts) {
        assert.equal(after.status, 'waiting');
        assert.equal(Date.parse(after.readyAt) - Date.parse(now), policy.retryMinutes * MINUTE, 'the next try after the policy wait');
      } else if (policy.afterLastAttempt === 'escalate') {
        assert.deepEqual([after.status, after.escalation], ['escalated', 'max_attempts']);
      } else {
        assert.deepEqual([after.status, after.closedWith], ['completed', 'unreachable']);
      }
    }),
  );
  // Any outcome: a task left waiting for another try has tries left.
  fc.assert(
    fc.property(policies, workableTasks, attempts, times, (policy, task, attempt, now) => {
      const after = nextAfterAttempt(policy, task, attempt, now);
      if (after.status === 'waiting') assert.ok(after.number < policy.maxAttempts);
    }),
  );
});

test('reaching the patient never escalates: the task stays claimed by its agent until the claim timeout', () => {
  fc.assert(
    fc.property(policies, workableTasks, times, (policy, task, now) => {
      const after = nextAfterAttempt(policy, task, { outcome: 'reached', disclosure: 'none' }, now);
      assert.equal(after.status, 'claimed');
      assert.equal(after.escalation, null);
      assert.equal(after.closedWith, null);
      assert.equal(Date.parse(after.readyAt) - Date.parse(now), policy.claimTimeoutMinutes * MINUTE);
    }),
  );
});

test('a wrong or disconnected number escalates; after details were given it always flags an incident review', () => {
  fc.assert(
    fc.property(policies, workableTasks, fc.constantFrom(...BAD_NUMBER_OUTCOMES), times, (policy, task, outcome, now) => {
      const after = nextAfterAttempt(policy, task, { outcome, disclosure: 'none' }, now);
      assert.deepEqual([after.status, after.escalation], ['escalated', 'wrong_number']);
      assert.equal(after.incidentFlag, task.incidentFlag, 'no disclosure, no new flag');
      const disclosed = nextAfterAttempt(policy, task, { outcome: 'wrong_number', disclosure: 'details_given' }, now);
      assert.deepEqual([disclosed.status, disclosed.escalation, disclosed.incidentFlag], ['escalated', 'wrong_number', WRONG_NUMBER_AFTER_DETAILS]);
    }),
  );
});

test('an incident flag, once raised, is never cleared by a later attempt', () => {
  fc.assert(
    fc.property(policies, workableTasks, attempts, times, (policy, task, attempt, now) => {
      const after = nextAfterAttempt(policy, { ...task, incidentFlag: WRONG_NUMBER_AFTER_DETAILS }, attempt, now);
      assert.equal(after.incidentFlag, WRONG_NUMBER_AFTER_DETAILS);
    }),
  );
});

test('completed and cancelled tasks are terminal: they take no attempt (409); a disclosure with another outcome is a 400', () => {
  fc.assert(
    fc.property(policies, workableTasks, fc.constantFrom(...TERMINAL), attempts, times, (policy, task, status, attempt, now) => {
      assert.throws(() => nextAfterAttempt(policy, { ...task, status }, attempt, now), refusal('conflict', 'status'));
    }),
  );
  fc.assert(
    fc.property(policies, workableTasks, fc.constantFrom(...OUTCOMES.filter((o) => o !== 'wrong_number')), times, (policy, task, outcome, now) => {
      assert.throws(() => nextAfterAttempt(policy, task, { outcome, disclosure: 'details_given' }, now), refusal('validation', 'disclosure'));
    }),
  );
});

test('a run of attempts from intake: counts go up by one, the task waits only while tries remain, and nothing follows its completion', () => {
  fc.assert(
    fc.property(policies, fc.array(attempts, { minLength: 1, maxLength: 25 }), times, (policy, run, start) => {
      let task: TaskBeforeAttempt = { status: 'open', attemptCount: 0, incidentFlag: null, resolution: null };
      let clock = Date.parse(start);
      for (const attempt of run) {
        const now = new Date(clock).toISOString();
        if (TERMINAL.includes(task.status)) {
          assert.throws(() => nextAfterAttempt(policy, task, attempt, now), refusal('conflict', 'status'));
          continue;
        }
        const after: TaskAfterAttempt = nextAfterAttempt(policy, task, attempt, now);
        assert.equal(after.number, task.attemptCount + 1);
        if (after.status === 'waiting') assert.ok(after.number < policy.maxAttempts, `waiting after attempt ${after.number} of ${policy.maxAttempts}`);
        if (TRIES.includes(attempt.outcome) && after.number >= policy.maxAttempts) assert.ok(['escalated', 'completed'].includes(after.status), 'the last try escalates or closes');
        task = { status: after.status, attemptCount: after.number, incidentFlag: after.incidentFlag, resolution: after.resolution };
        clock = Math.max(clock, Date.parse(after.readyAt));
      }
    }),
  );
});
