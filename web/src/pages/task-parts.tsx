import { useEffect, useRef } from 'react';
import { useClients } from '../api/queries';
import type { AttemptBody, CompleteBody, IntakeBody, TaskDetail, TaskView } from '../api/types';
import { formatWhen } from '../client-time';

/**
 * Labels of values the server defines, typed against the generated API types: a value added on
 * the server and missing here fails the web app's type check.
 */
type Labels<V extends string> = Record<V, string>;
/** Pairs in the labels' order (the order of buttons, options and digit keys). */
function pairs<V extends string>(labels: Labels<V>): (readonly [V, string])[] {
  return (Object.keys(labels) as V[]).map((value) => [value, labels[value]] as const);
}

/** Contact-attempt outcomes in the order of their buttons and digit keys (1–7). */
export const OUTCOMES = pairs<AttemptBody['outcome']>({
  reached: 'Reached',
  voicemail_left: 'Voicemail left',
  no_answer: 'No answer',
  busy: 'Busy',
  wrong_number: 'Wrong number',
  disconnected: 'Disconnected',
  declined: 'Declined',
});

/** The console's one date-time format, its zone always named: "Dec 2, 5:00 PM CST" (in the client's zone when given). */
export function when(iso: string, timeZone?: string): string {
  return formatWhen(iso, timeZone);
}

/** A client's time zone by its id (undefined until the clients are loaded: the browser's zone is used, still named). */
export function useClientZone(): (clientId: string) => string | undefined {
  const clients = useClients();
  return (clientId) => clients.data?.items.find((c) => c.id === clientId)?.timeZone;
}

export const STATUS_LABELS: Record<TaskView['status'], string> = {
  open: 'Open',
  waiting: 'Waiting',
  claimed: 'Claimed',
  escalated: 'Escalated',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** "1 try", "2 tries". */
export function tries(count: number): string {
  return `${count} ${count === 1 ? 'try' : 'tries'}`;
}

/** A task's status as the console says it, with its attempts once there are any: "Waiting · 1 try". */
export function statusText(task: Pick<TaskView, 'status' | 'attemptCount'>): string {
  return task.attemptCount ? `${STATUS_LABELS[task.status]} · ${tries(task.attemptCount)}` : STATUS_LABELS[task.status];
}

/** How long ago (or how late): "12 min", "3 h 5 min", "2 d". */
export function age(iso: string | null): string {
  if (!iso) return '—';
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  return minutes < 60 ? `${minutes} min` : minutes < 1440 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${Math.floor(minutes / 1440)} d`;
}

/** A task's contact attempts, oldest first; `agentName` names who made each where the reader may know. */
export function AttemptHistory({ attempts, agentName }: { attempts: TaskDetail['attempts']; agentName?: (id: string | null) => string | null }) {
  if (attempts.length === 0) return <p className="muted">No attempts yet.</p>;
  return (
    <ol className="attempts">
      {attempts.map((a) => {
        const who = agentName?.(a.agentId);
        return (
          <li key={a.id}>
            {when(a.attemptedAt)} · {a.channel} · <strong>{OUTCOMES.find(([v]) => v === a.outcome)?.[1] ?? a.outcome}</strong>
            {who ? ` · ${who}` : ''}
            {a.note ? ` — ${a.note}` : ''}
          </li>
        );
      })}
    </ol>
  );
}

export const PRIORITY_LABELS: Labels<TaskView['priority']> = { emergent: 'Emergent', urgent: 'Urgent', routine: 'Routine' };

/** The priorities as a select's options, the usual one first. */
export function PriorityOptions() {
  return (
    <>
      {(['routine', 'urgent', 'emergent'] as const).map((p) => (
        <option key={p} value={p}>
          {PRIORITY_LABELS[p]}
        </option>
      ))}
    </>
  );
}
export const REASONS = pairs<IntakeBody['reasonCode']>({
  refill: 'Refill',
  appointment: 'Appointment',
  results: 'Results',
  billing: 'Billing',
  clinical: 'Clinical',
  other: 'Other',
});
const REASON_LABELS: Record<string, string> = Object.fromEntries(REASONS);
/** A reason code as a word: "Refill" (the code itself for one the console does not know). */
export function reasonLabel(code: string): string {
  return REASON_LABELS[code] ?? code;
}

/** A patient reference, kept on one line (P-7F3K2Q must not break at its hyphen). */
export function PatientRef({ value }: { value: string }) {
  return <code className="patient-ref">{value}</code>;
}

/** Every resolution the server knows, with its label. */
export const RESOLUTION_LABELS: Labels<CompleteBody['resolution']> = {
  resolved: 'Resolved',
  information_given: 'Information given',
  appointment_made: 'Appointment made',
  refill_sent: 'Refill sent',
  transferred: 'Transferred',
  unreachable: 'Unreachable',
  declined: 'Declined',
  duplicate: 'Duplicate',
  other: 'Other',
};
/** The resolutions the console offers when completing a task, in this order. */
export const RESOLUTIONS = (['resolved', 'information_given', 'appointment_made', 'refill_sent', 'transferred', 'other'] as const).map((value) => [value, RESOLUTION_LABELS[value]] as const);

/** A task's due time on its client's clock, or since when it is overdue. */
export function Due({ task }: { task: TaskView }) {
  const zone = useClientZone()(task.clientId);
  return <span className={task.overdue ? 'badge badge-danger' : 'muted'}>{task.overdue ? `Overdue since ${when(task.dueAt, zone)}` : `Due ${when(task.dueAt, zone)}`}</span>;
}

/** Keys that are not typed into a field (ignored while a dialog is open). */
export function useKeys(handlers: Record<string, () => void>) {
  // The latest handlers, read at key time: the listener is added once, not on every render.
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey || document.querySelector('dialog[open]')) return;
      const fn = current.current[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

