import { useEffect, useState } from 'react';
import type { TimelineEntry, UrgentView } from '../api/types';
import { formatMoment } from '../client-time';

/** Pages are proof of who was told when: their times are to the second. */
const when = formatMoment;

export const URGENT_STATUS_LABELS: Record<UrgentView['status'], string> = {
  paging: 'Paging',
  read: 'Read, not yet acknowledged',
  acknowledged: 'Acknowledged',
  exhausted: 'Nobody acknowledged: became a callback',
  cancelled: 'Cancelled',
};

export const ROLE_LABELS: Record<UrgentView['recipients'][number]['role'], string> = { primary: 'primary', backup: 'backup', supervisor: 'supervisor', escalation: 'escalation list' };

/** Seconds until an instant, ticking each second (negative once it has passed). */
export function useSecondsUntil(iso: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!iso) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [iso]);
  return iso ? Math.round((Date.parse(iso) - now) / 1000) : null;
}

function clock(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The escalation clock: when the next step pages whom. */
export function NextStep({ message }: { message: UrgentView }) {
  const left = useSecondsUntil(message.next?.at ?? null);
  if (!message.next || left === null) return null;
  const who = message.next.recipients.map((r) => `${r.name || 'someone'} (${ROLE_LABELS[r.role]})`).join(', ');
  const what = message.next.kind === 'exhausted' ? 'it becomes an emergent callback and the supervisors are told' : message.next.recipients.length ? `pages ${who}` : 'moves on';
  return (
    <p className="escalation-clock" role="timer" aria-live="off">
      <strong>{left > 0 ? clock(left) : 'now'}</strong> until the next step: {what}.
    </p>
  );
}

/** Who was paged and how far each got: paged, opened, read, acknowledged. */
export function Recipients({ message, timeZone }: { message: UrgentView; timeZone?: string }) {
  if (message.recipients.length === 0) return <p className="muted">Nobody has been paged yet.</p>;
  return (
    <ul className="recipients">
      {message.recipients.map((r) => (
        <li key={r.userId}>
          <strong>{r.name}</strong> <span className="muted">({ROLE_LABELS[r.role]})</span>: paged {when(r.firstNotifiedAt, timeZone)}
          {r.openedAt ? ` · opened ${when(r.openedAt, timeZone)}` : ''}
          {r.readAt ? ` · read ${when(r.readAt, timeZone)}` : ''}
          {r.acknowledgedAt ? (
            <>
              {' · '}
              <span className="badge badge-success">acknowledged {when(r.acknowledgedAt, timeZone)}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const EVENT_LABELS: Record<TimelineEntry['kind'], string> = {
  created: 'Message created',
  queued: 'Page queued',
  paged: 'Paged',
  sent: 'Page sent',
  channel_failed: 'Page not delivered',
  delivered: 'Page delivered',
  opened: 'Link opened',
  read: 'Message read',
  acknowledged: 'Acknowledged',
  replied: 'Replied',
  reply_handled: 'Reply marked handled',
  escalated: 'Escalated',
  exhausted: 'Nobody acknowledged: became an emergent callback',
  cancelled: 'Cancelled',
};

const CHANNEL_LABELS: Record<string, string> = { email: 'e-mail', sms: 'SMS', webhook: 'webhook' };

/** Every step of a message, in order, with who and when: the proof of who was told. */
export function MessageTimeline({ items, timeZone }: { items: TimelineEntry[]; timeZone?: string }) {
  return (
    <ol className="timeline">
      {items.map((e, i) => (
        <li key={`${e.at}-${i}`} className={`timeline-${e.kind}`}>
          <span className="timeline-when">{when(e.at, timeZone)}</span> {EVENT_LABELS[e.kind]}
          {e.userName ? ` · ${e.userName}` : ''}
          {e.channel ? ` · ${CHANNEL_LABELS[e.channel] ?? e.channel}` : ''}
          {e.kind === 'escalated' && typeof e.detail?.to === 'string' ? ` to the ${e.detail.to}` : ''}
          {e.kind === 'acknowledged' && e.detail?.late ? ' (late)' : ''}
        </li>
      ))}
    </ol>
  );
}
