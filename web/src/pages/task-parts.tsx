import { useEffect, useRef } from 'react';
import type { TaskDetail, TaskView } from '../api/types';

/** Contact-attempt outcomes in the order of their buttons and digit keys (1–7). */
export const OUTCOMES = [
  ['reached', 'Reached'],
  ['voicemail_left', 'Voicemail left'],
  ['no_answer', 'No answer'],
  ['busy', 'Busy'],
  ['wrong_number', 'Wrong number'],
  ['disconnected', 'Disconnected'],
  ['declined', 'Declined'],
] as const;

export function when(iso: string): string {
  return new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
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

export const PRIORITY_LABELS = { emergent: 'Emergent', urgent: 'Urgent', routine: 'Routine' } as const;
export const REASONS = [
  ['refill', 'Refill'],
  ['appointment', 'Appointment'],
  ['results', 'Results'],
  ['billing', 'Billing'],
  ['clinical', 'Clinical'],
  ['other', 'Other'],
] as const;
export const RESOLUTIONS = [
  ['resolved', 'Resolved'],
  ['information_given', 'Information given'],
  ['appointment_made', 'Appointment made'],
  ['refill_sent', 'Refill sent'],
  ['transferred', 'Transferred'],
  ['other', 'Other'],
] as const;

/** A task's due time, or how long it has been overdue. */
export function Due({ task }: { task: TaskView }) {
  return <span className={task.overdue ? 'badge badge-danger' : 'muted'}>{task.overdue ? `Overdue since ${when(task.dueAt)}` : `Due ${when(task.dueAt)}`}</span>;
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

