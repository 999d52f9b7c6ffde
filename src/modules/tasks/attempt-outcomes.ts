/**
 * What a contact attempt does to its task, under the client's callback policy: a pure function
 * of the task's state, the attempt and the time, so every path can be checked without a
 * database (attempt-outcomes.test.ts).
 *
 * Reached keeps the task with the agent to complete; declined closes it; a wrong or disconnected
 * number escalates it (the number must be corrected first), flagged for an incident review if
 * details were given; any other outcome waits `retryMinutes` for the next attempt, until the last
 * allowed attempt, after which the task escalates to a supervisor or closes as unreachable.
 */
import { AppError, invalidField } from '../../platform/http/errors.ts';
import type { CallbackPolicy } from './policy.ts';
import type { Disclosure, Outcome, Resolution, TaskStatus } from './tasks.tables.ts';

/** Outcomes after which the number must be corrected: the callback escalates. */
export const BAD_NUMBER_OUTCOMES = ['wrong_number', 'disconnected'] as const;

/** The incident flag of a wrong number reached after details were given: a possible disclosure to review. */
export const WRONG_NUMBER_AFTER_DETAILS = 'wrong_number_after_details';

/** The part of the client's policy an attempt is judged by. */
export type AttemptPolicy = Pick<CallbackPolicy, 'maxAttempts' | 'retryMinutes' | 'afterLastAttempt' | 'claimTimeoutMinutes'>;

/** The task as the attempt finds it. */
export interface TaskBeforeAttempt {
  status: TaskStatus;
  attemptCount: number;
  incidentFlag: string | null;
  resolution: string | null;
}

/** Why an attempt escalated its task (the `task.escalated` audit reason). */
export type AttemptEscalation = 'max_attempts' | 'wrong_number';

/** The task after the attempt. */
export interface TaskAfterAttempt {
  /** The attempt's number, which is also the task's attempt count after it. */
  number: number;
  status: TaskStatus;
  /** From when the task may be claimed again: the next try, or the claim's lapse while it stays claimed. */
  readyAt: string;
  /** Set when this attempt closed the task (the task is then completed). */
  closedWith: Resolution | null;
  /** The task's resolution after the attempt: the one it closed with, or what it had. */
  resolution: string | null;
  /** Never cleared by an attempt: an incident review is closed elsewhere. */
  incidentFlag: string | null;
  escalation: AttemptEscalation | null;
}

const later = (now: string, minutes: number): string => new Date(Date.parse(now) + minutes * 60_000).toISOString();

/** A disclosure is told of a wrong number only; the sentence for the field otherwise. */
export function disclosureProblem(outcome: Outcome, disclosure: Disclosure): string | null {
  return disclosure === 'details_given' && outcome !== 'wrong_number' ? 'applies to a wrong number only' : null;
}

/**
 * The task after an attempt with `outcome` at `now`. A completed or cancelled task takes no
 * attempts (a 409), and a disclosure with another outcome than a wrong number is a 400.
 */
export function nextAfterAttempt(policy: AttemptPolicy, task: TaskBeforeAttempt, attempt: { outcome: Outcome; disclosure: Disclosure }, now: string): TaskAfterAttempt {
  if (task.status === 'completed' || task.status === 'cancelled') throw new AppError('conflict', `This task is ${task.status}`, { field: 'status' });
  const problem = disclosureProblem(attempt.outcome, attempt.disclosure);
  if (problem) throw invalidField('disclosure', problem);
  const number = task.attemptCount + 1;
  const incidentFlag = attempt.disclosure === 'details_given' ? WRONG_NUMBER_AFTER_DETAILS : task.incidentFlag;
  const after = (status: TaskStatus, readyAt: string, closedWith: Resolution | null = null, escalation: AttemptEscalation | null = null): TaskAfterAttempt => ({
    number,
    status,
    readyAt,
    closedWith,
    resolution: closedWith ?? task.resolution,
    incidentFlag,
    escalation,
  });
  if (attempt.outcome === 'reached') return after('claimed', later(now, policy.claimTimeoutMinutes));
  if (attempt.outcome === 'declined') return after('completed', now, 'declined');
  if ((BAD_NUMBER_OUTCOMES as readonly Outcome[]).includes(attempt.outcome)) return after('escalated', now, null, 'wrong_number');
  if (number >= policy.maxAttempts) return policy.afterLastAttempt === 'escalate' ? after('escalated', now, null, 'max_attempts') : after('completed', now, 'unreachable');
  return after('waiting', later(now, policy.retryMinutes));
}
