import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { AuditAlert, AuditAlertDetail, AuditAlertResolution } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { ActionCode, OutcomeBadge, SeverityBadge, eventTime, fieldsText, purposeText, type EventOrigin } from './audit-parts';

const STATUS_LABELS: Record<AuditAlert['status'], string> = { open: 'Open', benign: 'Benign', escalated: 'Escalated' };

function useRefreshAlerts() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['audit', 'alerts'] });
}

/**
 * The anomaly alerts raised on the audit trail: open ones first (the server puts the most
 * severe first), each opening to the events behind it; then those already resolved, benign or
 * escalated.
 */
export function AuditAlertsPage() {
  const { can } = useSession();
  const allowed = can('read', 'AuditEvent');
  const open = useQuery({ queryKey: ['audit', 'alerts', 'open'], queryFn: () => unwrap(api.GET('/api/audit/alerts', { params: { query: { status: 'open' } } })), enabled: allowed, refetchInterval: 60_000 });
  const closed = useQuery({ queryKey: ['audit', 'alerts', 'closed'], queryFn: () => unwrap(api.GET('/api/audit/alerts', { params: { query: { status: 'closed' } } })), enabled: allowed });
  if (!allowed) return <NoAccess what="audit alerts" />;
  return (
    <>
      <PageHeader
        title="Audit alerts"
        description="Access that looks unusual on the audit trail: a patient looked up with no callback, a burst of reveals, a sign-in from a new network. Review the events, then resolve each alert as benign or escalate it."
        actions={
          <Link className="btn btn-secondary" to="/audit">
            Audit trail
          </Link>
        }
      />
      <section className="card" aria-labelledby="open-alerts-title">
        <h2 id="open-alerts-title">Open</h2>
        {open.isPending ? (
          <Loading />
        ) : open.isError ? (
          <ErrorNotice error={open.error} />
        ) : (
          <AlertTable caption="Open audit alerts" alerts={open.data.items} empty="No open alert: nothing unusual waits for review." />
        )}
      </section>
      <section className="card" aria-labelledby="closed-alerts-title">
        <h2 id="closed-alerts-title">Resolved</h2>
        {closed.isPending ? (
          <Loading />
        ) : closed.isError ? (
          <ErrorNotice error={closed.error} />
        ) : (
          <AlertTable caption="Resolved audit alerts" alerts={closed.data.items} empty="No alert resolved yet." resolved />
        )}
      </section>
    </>
  );
}

type AlertEvent = AuditAlertDetail['events'][number];

/** A client's name by its id, for alerts (which carry the id). */
function useClientName(): (id: string | null) => string {
  const clients = useClients();
  return (id) => (id ? (clients.data?.items.find((c) => c.id === id)?.name ?? 'A former client') : '—');
}

/**
 * The patient record an alert is about, for its access history: the record a reveal behind the
 * alert read (the alert itself names the patient by reference only).
 */
function patientIdOf(alert: AuditAlertDetail): string | null {
  return alert.events.find((e) => e.resourceType === 'Patient' && e.resourceId && e.patientRef === alert.patientRef)?.resourceId ?? null;
}

function AlertTable({ caption, alerts, empty, resolved }: { caption: string; alerts: AuditAlert[]; empty: string; resolved?: boolean }) {
  const clientName = useClientName();
  return (
    <DataTable<AuditAlert>
      caption={caption}
      rows={alerts}
      rowKey={(a) => a.id}
      empty={<p className="muted">{empty}</p>}
      columns={[
        { key: 'severity', header: 'Severity', render: (a) => <SeverityBadge severity={a.severity} /> },
        {
          key: 'alert',
          header: 'Alert',
          render: (a) => (
            <>
              <Link to={`/audit/alerts/${a.id}`}>{a.ruleLabel}</Link>
              <div className="muted small">{a.summary}</div>
            </>
          ),
        },
        { key: 'raised', header: 'Raised', render: (a) => <span className="nowrap">{eventTime(a.raisedAt)}</span> },
        { key: 'person', header: 'Person', render: (a) => a.person?.name ?? '—' },
        { key: 'client', header: 'Client', render: (a) => clientName(a.clientId) },
        { key: 'patient', header: 'Patient', render: (a) => (a.patientRef ? <span className="ref">{a.patientRef}</span> : '—') },
        resolved
          ? { key: 'resolution', header: 'Resolution', render: (a) => <Resolution alert={a} /> }
          : { key: 'assigned', header: 'Assigned to', render: (a) => a.assignedTo?.name ?? <span className="muted">Nobody yet</span> },
      ]}
    />
  );
}

function StatusBadge({ status }: { status: AuditAlert['status'] }) {
  const cls = status === 'open' ? 'badge-warning' : status === 'escalated' ? 'badge-danger' : 'badge-success';
  return <span className={`badge ${cls}`}>{STATUS_LABELS[status]}</span>;
}

function Resolution({ alert }: { alert: AuditAlert }) {
  if (!alert.resolution) return <StatusBadge status={alert.status} />;
  return (
    <>
      <StatusBadge status={alert.status} /> {alert.resolution.by?.name ?? 'Someone no longer here'}, {eventTime(alert.resolution.at)}
      {alert.incidentId ? <span className="muted"> · incident {alert.incidentId}</span> : null}
      <div className="muted small task-note">{alert.resolution.reason}</div>
    </>
  );
}

/** One alert: what was noticed, the events behind it, who works it, and its resolution. */
export function AuditAlertPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const allowed = can('read', 'AuditEvent');
  const clientName = useClientName();
  const alert = useQuery({ queryKey: ['audit', 'alerts', 'one', id], queryFn: () => unwrap(api.GET('/api/audit/alerts/{id}', { params: { path: { id } } })), enabled: allowed });
  if (!allowed) return <NoAccess what="audit alerts" />;
  const crumb = (
    <p className="breadcrumb">
      <Link to="/audit/alerts">Audit alerts</Link> / {alert.data ? alert.data.ruleLabel : 'Alert'}
    </p>
  );
  if (alert.isPending) return <Loading />;
  if (alert.isError) return <>{crumb}<ErrorNotice error={alert.error} /></>;
  const a = alert.data;
  const patientId = patientIdOf(a);
  // Assigning and resolving are changes to the compliance records; reading the alert is not.
  const works = can('manage', 'ComplianceRecord');
  return (
    <>
      {crumb}
      <PageHeader title={a.ruleLabel} tabTitle={`Alert: ${a.ruleLabel}`} description={`${a.summary} · raised ${eventTime(a.raisedAt)}`} />
      <div className="grid-2">
        <section className="card" aria-labelledby="alert-facts-title">
          <h2 id="alert-facts-title">The alert</h2>
          <dl className="details">
            <dt>Severity</dt>
            <dd>
              <SeverityBadge severity={a.severity} />
            </dd>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={a.status} />
            </dd>
            <dt>What was seen</dt>
            <dd>{a.summary}</dd>
            <dt>Person</dt>
            <dd>
              {a.person ? (
                <>
                  {a.person.name} · <Link to={`/audit?${new URLSearchParams({ actorId: a.person.id })}`}>their events</Link>
                </>
              ) : (
                '—'
              )}
            </dd>
            <dt>Client</dt>
            <dd>{clientName(a.clientId)}</dd>
            <dt>Patient</dt>
            <dd>
              {a.patientRef ? (
                <>
                  <span className="ref">{a.patientRef}</span>
                  {patientId ? (
                    <>
                      {' '}
                      · <Link to={`/patients/${patientId}/access`}>access history</Link>
                    </>
                  ) : null}
                </>
              ) : (
                '—'
              )}
            </dd>
            <dt>Assigned to</dt>
            <dd>{a.assignedTo?.name ?? 'Nobody yet'}</dd>
            {a.resolution ? (
              <>
                <dt>Resolved</dt>
                <dd>
                  {a.resolution.by?.name ?? 'Someone no longer here'}, {eventTime(a.resolution.at)}
                </dd>
                <dt>Reason</dt>
                <dd className="task-note">{a.resolution.reason}</dd>
                {a.incidentId ? (
                  <>
                    <dt>Incident</dt>
                    <dd>
                      <Link to={`/incidents/${a.incidentId}`}>Open the incident</Link>
                    </dd>
                  </>
                ) : null}
              </>
            ) : null}
          </dl>
        </section>
        {a.status === 'open' && works ? <AssignCard alert={a} /> : null}
      </div>
      <section className="card" aria-labelledby="alert-events-title">
        <h2 id="alert-events-title">The events behind it</h2>
        <AlertEvents alert={a} />
      </section>
      {/* Resolved after the events are read: the form follows them. */}
      {a.status === 'open' && works ? <EscalateCard alert={a} /> : null}
      {a.status === 'open' && works ? <ResolveCard alert={a} /> : null}
    </>
  );
}

function AlertEvents({ alert }: { alert: AuditAlertDetail }) {
  return (
    <DataTable<AlertEvent>
      caption="Events behind the alert"
      rows={alert.events}
      rowKey={(e) => String(e.id)}
      empty={<p className="muted">{alert.eventIds.length > 0 ? `Events ${alert.eventIds.join(', ')}.` : 'No event is attached.'}</p>}
      columns={[
        {
          key: 'time',
          header: 'Time',
          render: (e) => (
            <Link className="nowrap" to={`/audit/events/${e.id}`} state={{ back: `/audit/alerts/${alert.id}`, backLabel: 'The alert' } satisfies EventOrigin}>
              {eventTime(e.occurredAt)}
            </Link>
          ),
        },
        { key: 'person', header: 'Person', render: (e) => (e.actorId === null ? 'Ringfence (system)' : e.actorId === alert.person?.id ? alert.person.name : 'Another person') },
        { key: 'action', header: 'Action', render: (e) => <ActionCode action={e.action} /> },
        { key: 'outcome', header: 'Outcome', render: (e) => <OutcomeBadge outcome={e.outcome} /> },
        { key: 'patient', header: 'Patient', render: (e) => (e.patientRef ? <span className="ref">{e.patientRef}</span> : '—') },
        { key: 'fields', header: 'Fields', render: (e) => fieldsText(e.fields) },
        { key: 'purpose', header: 'Purpose', render: (e) => purposeText(e.purpose) },
      ]}
    />
  );
}

/** Who works the alert: the officer themselves, or another compliance officer. */
function AssignCard({ alert }: { alert: AuditAlertDetail }) {
  const { me, can } = useSession();
  const toast = useToast();
  const refresh = useRefreshAlerts();
  const people = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200 } } })),
    enabled: can('read', 'User', { orgWide: true }),
  });
  // Alerts are the compliance officers' work: those holding the role (the server refuses anyone who cannot read the trail).
  const officers = (people.data?.items ?? []).filter((p) => p.status === 'active' && p.id !== me.user.id && p.roles.some((r) => r.role === 'compliance'));
  const [userId, setUserId] = useState('');
  const assign = (to: string) => unwrap(api.POST('/api/audit/alerts/{id}/assign', { params: { path: { id: alert.id } }, body: { userId: to } }));
  const toMe = useSubmit(
    () => assign(me.user.id),
    () => {
      toast('success', 'The alert is yours.');
      refresh();
    },
  );
  const toOther = useSubmit(
    () => assign(userId),
    () => {
      toast('success', `Assigned to ${officers.find((o) => o.id === userId)?.displayName ?? 'them'}.`);
      setUserId('');
      refresh();
    },
  );
  const mine = alert.assignedTo?.id === me.user.id;
  return (
    <section className="card" aria-labelledby="assign-title">
      <h2 id="assign-title">Assignment</h2>
      <p className="muted">{alert.assignedTo ? `${mine ? 'You are' : `${alert.assignedTo.name} is`} working this alert.` : 'Nobody works this alert yet.'}</p>
      {!mine ? (
        <>
          <Button busy={toMe.busy} onClick={(e) => void toMe.submit(e)}>
            Assign to me
          </Button>
          <FormError message={toMe.formError} />
        </>
      ) : null}
      {officers.length > 0 ? (
        <form className="inline-form assign-form" onSubmit={toOther.submit} noValidate>
          <SelectField label="Assign to another compliance officer" name="userId" value={userId} error={toOther.fieldErrors.userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose…</option>
            {officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.displayName}
              </option>
            ))}
          </SelectField>
          <Button type="submit" busy={toOther.busy} disabled={!userId}>
            Assign
          </Button>
        </form>
      ) : null}
      <FormError message={toOther.formError} />
    </section>
  );
}

/** Closes the alert: benign, with the reason it is; or escalated, with the reason and the incident it became. */
function ResolveCard({ alert }: { alert: AuditAlertDetail }) {
  const toast = useToast();
  const refresh = useRefreshAlerts();
  const navigate = useNavigate();
  const [outcome, setOutcome] = useState<AuditAlertResolution['outcome']>('benign');
  const [reason, setReason] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const submit = useSubmit(
    () =>
      unwrap(
        api.POST('/api/audit/alerts/{id}/resolve', {
          params: { path: { id: alert.id } },
          body: { outcome, reason: reason.trim(), ...(outcome === 'escalated' && incidentId.trim() ? { incidentId: incidentId.trim() } : {}) },
        }),
      ),
    () => {
      toast('success', outcome === 'benign' ? 'Alert resolved as benign.' : 'Alert escalated.');
      refresh();
      navigate('/audit/alerts');
    },
  );
  return (
    <section className="card" aria-labelledby="resolve-title">
      <h2 id="resolve-title">Resolve</h2>
      <form className="form resolve-form" onSubmit={submit.submit} noValidate>
        <div className="field">
          <span className="label">Outcome</span>
          <div className="segmented" role="radiogroup" aria-label="Outcome">
            {(
              [
                ['benign', 'Benign'],
                ['escalated', 'Escalate'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className={outcome === value ? 'active' : ''}>
                <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
                {label}
              </label>
            ))}
          </div>
        </div>
        <TextAreaField
          label="Reason"
          name="reason"
          rows={3}
          maxLength={1000}
          hint={outcome === 'benign' ? 'Why the access was legitimate (no patient details)' : 'What was found and why it is escalated (no patient details)'}
          value={reason}
          error={submit.fieldErrors.reason}
          onChange={(e) => {
            setReason(e.target.value);
            submit.dismiss('reason');
          }}
        />
        {outcome === 'escalated' ? (
          <TextField label="Incident (optional)" name="incidentId" hint="The incident or case number this became" value={incidentId} maxLength={64} error={submit.fieldErrors.incidentId} onChange={(e) => setIncidentId(e.target.value)} />
        ) : null}
        <FormFooter error={submit.formError} busy={submit.busy}>
          {outcome === 'benign' ? 'Resolve as benign' : 'Escalate'}
        </FormFooter>
      </form>
    </section>
  );
}

/** Escalating to an incident opened from the alert: its events' patients become the incident's scope, and the alert is resolved as escalated. */
function EscalateCard({ alert }: { alert: AuditAlertDetail }) {
  const toast = useToast();
  const refresh = useRefreshAlerts();
  const navigate = useNavigate();
  const submit = useSubmit(
    () => unwrap(api.POST('/api/incidents', { body: { type: 'unauthorized_access', alertId: alert.id, description: `Escalated from the audit alert: ${alert.ruleLabel}.` } })),
    (r) => {
      toast('success', `Incident ${r.ref} opened from the alert.`);
      refresh();
      navigate(`/incidents/${r.id}`);
    },
  );
  return (
    <section className="card" aria-labelledby="escalate-title">
      <h2 id="escalate-title">Open an incident</h2>
      <p className="muted">If the access was not permitted, open an incident from this alert: the patients behind its events become its scope, its deadlines run from when the alert was raised, and the alert is resolved as escalated.</p>
      <Button variant="danger" busy={submit.busy} onClick={(e) => void submit.submit(e)}>
        Open an incident from this alert
      </Button>
      <FormError message={submit.formError} />
    </section>
  );
}
