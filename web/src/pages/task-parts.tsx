import type { TaskDetail } from '../api/types';

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
