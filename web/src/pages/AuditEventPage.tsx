import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { AuditChainLink, AuditEventView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { ErrorNotice, Loading, PageHeader } from '../ui/States';
import { Hash, OutcomeBadge, actorText, eventTime, fieldsText, purposeText, type EventOrigin } from './audit-parts';

/**
 * One audit event, everything it records, and its place in the organization's hash chain: its
 * position, its hash and the previous one, the events linked before and after it, and whether
 * the link verifies (its hash recomputed from the stored event matches, and it follows the
 * previous link).
 */
export function AuditEventPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const location = useLocation();
  const origin: EventOrigin = (location.state as EventOrigin | null) ?? { back: '/audit', backLabel: 'Audit trail' };
  const eventId = /^\d+$/.test(id) ? Number(id) : NaN;
  const detail = useQuery({
    queryKey: ['audit', 'event', eventId],
    queryFn: () => unwrap(api.GET('/api/audit/events/{id}', { params: { path: { id: eventId } } })),
    enabled: can('read', 'AuditEvent') && !Number.isNaN(eventId),
    // An event is sealed within seconds of being written: until then, look again now and then.
    refetchInterval: (q) => (q.state.data && q.state.data.link === null ? 3000 : false),
  });
  if (!can('read', 'AuditEvent')) return <NoAccess what="the audit trail" />;
  const header = (
    <p className="breadcrumb">
      <Link to={origin.back}>{origin.backLabel}</Link> / Event {id}
    </p>
  );
  if (Number.isNaN(eventId)) return <>{header}<ErrorNotice error={new Error('There is no audit event at this address.')} /></>;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <>{header}<ErrorNotice error={detail.error} /></>;
  const { event, link } = detail.data;
  return (
    <>
      {header}
      <PageHeader title={`Audit event ${event.id}`} description={`${event.action} · ${eventTime(event.occurredAt)} · ${actorText(event)}`} />
      <div className="grid-2">
        <EventFacts event={event} />
        <ChainPlace link={link} origin={origin} />
      </div>
    </>
  );
}

function EventFacts({ event }: { event: AuditEventView }) {
  const clients = useClients();
  const client = event.clientId ? (clients.data?.items.find((c) => c.id === event.clientId)?.name ?? 'A former client') : 'The organization';
  const details = Object.keys(event.details).length > 0 ? JSON.stringify(event.details, null, 2) : null;
  return (
    <section className="card" aria-labelledby="event-facts-title">
      <h2 id="event-facts-title">What happened</h2>
      <dl className="details">
        <dt>Time</dt>
        <dd>{eventTime(event.occurredAt)}</dd>
        <dt>Action</dt>
        <dd>
          <code>{event.action}</code>
        </dd>
        <dt>Outcome</dt>
        <dd>
          <OutcomeBadge outcome={event.outcome} />
        </dd>
        <dt>Person</dt>
        <dd>
          {actorText(event)}
          {event.actorEmail && event.actorName ? <span className="muted"> · {event.actorEmail}</span> : null}
          {event.actorId && event.actorType === 'user' ? (
            <>
              {' '}
              · <Link to={`/audit?${new URLSearchParams({ actorId: event.actorId })}`}>their events</Link>
            </>
          ) : null}
        </dd>
        <dt>Client</dt>
        <dd>{client}</dd>
        <dt>Patient</dt>
        <dd>
          {event.patientRef ? (
            <>
              <span className="ref">{event.patientRef}</span> · <Link to={`/audit?${new URLSearchParams({ patientRef: event.patientRef })}`}>every event of this patient</Link>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>Record</dt>
        <dd>{event.resourceType ? `${event.resourceType}${event.resourceId ? ` ${event.resourceId}` : ''}` : '—'}</dd>
        <dt>Fields</dt>
        <dd>{fieldsText(event.fields)}</dd>
        <dt>Purpose</dt>
        <dd>{purposeText(event.purpose)}</dd>
        <dt>From</dt>
        <dd>{event.ip ?? '—'}</dd>
        <dt>Request</dt>
        <dd>{event.requestId ? <code>{event.requestId}</code> : '—'}</dd>
      </dl>
      {details ? (
        <>
          <h3>Details</h3>
          <pre className="event-details">{details}</pre>
        </>
      ) : null}
    </section>
  );
}

function YesNo({ value, yes, no }: { value: boolean; yes: string; no: string }) {
  return value ? <span className="badge badge-success">{yes}</span> : <span className="badge badge-danger">{no}</span>;
}

function ChainPlace({ link, origin }: { link: AuditChainLink | null; origin: EventOrigin }) {
  return (
    <section className="card" aria-labelledby="chain-place-title">
      <h2 id="chain-place-title">Place in the chain</h2>
      {!link ? (
        <p className="muted" role="status">
          Not sealed yet: the sealer links new events into the chain within seconds.
        </p>
      ) : (
        <>
          {link.verified && link.followsPrevious ? null : (
            <p className="notice notice-danger" role="alert">
              {!link.verified ? 'This link does not verify: the stored event or its hash was changed after it was sealed.' : 'This link does not follow the one before it: the chain was altered here.'}
            </p>
          )}
          <dl className="details">
            <dt>Position</dt>
            <dd>{link.position.toLocaleString('en-US')}</dd>
            <dt>Sealed</dt>
            <dd>{eventTime(link.sealedAt)}</dd>
            <dt>Hash</dt>
            <dd>
              <Hash value={link.hash} label="hash" />
            </dd>
            <dt>Previous hash</dt>
            <dd>
              <Hash value={link.prevHash} label="previous hash" />
            </dd>
            <dt>Link verifies</dt>
            <dd>
              <YesNo value={link.verified} yes="Yes" no="No" />
            </dd>
            <dt>Follows the previous link</dt>
            <dd>
              <YesNo value={link.followsPrevious} yes="Yes" no="No" />
            </dd>
          </dl>
          <nav className="button-row" aria-label="Neighbouring events in the chain">
            {link.previousEventId !== null ? (
              <Link className="btn btn-secondary btn-small" to={`/audit/events/${link.previousEventId}`} state={origin}>
                ← Previous (position {link.position - 1})
              </Link>
            ) : (
              <span className="muted small">The first link of the chain</span>
            )}
            {link.nextEventId !== null ? (
              <Link className="btn btn-secondary btn-small" to={`/audit/events/${link.nextEventId}`} state={origin}>
                Next (position {link.position + 1}) →
              </Link>
            ) : (
              <span className="muted small">The last link so far</span>
            )}
          </nav>
        </>
      )}
    </section>
  );
}
