import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { AuditEventView, AuditSearchQuery, AuditVerification } from '../api/types';
import { NoAccess } from '../AppShell';
import { instantToZoned, zonedToInstant } from '../client-time';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { ClientPicker } from '../ui/ClientPicker';
import { DataTable } from '../ui/DataTable';
import { SelectField, TextField } from '../ui/Field';
import { ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { fieldErrorsOf, useFormProblem, useSubmit } from '../ui/useSubmit';
import { AuditExportForm } from './AuditExport';
import { ACTION_FAMILIES, ActionCode, KeysetPager, OutcomeBadge, actorText, eventTime, fieldsText, purposeText, type EventOrigin } from './audit-parts';

/** The filters a search takes from the address, so a view of the trail can be shared as a link. */
const FILTERS = ['actorId', 'patientRef', 'clientId', 'action', 'outcome', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
type Filters = Partial<Record<Filter, string>>;

/** The viewer's own time zone: the trail is read on the compliance officer's clock. */
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function filtersOf(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

const whole = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The search as the API takes it: the address's filters, its cursor and page size (`limit`, for
 * a link that pages by fewer), values the API would refuse kept for it to refuse by name.
 */
function queryOf(filters: Filters, params: URLSearchParams): AuditSearchQuery {
  const { outcome, ...rest } = filters;
  const before = whole(params.get('before'));
  const limit = whole(params.get('limit'));
  return {
    ...rest,
    ...(outcome ? { outcome: outcome as AuditSearchQuery['outcome'] } : {}),
    ...(before !== undefined ? { before } : {}),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/**
 * The compliance officer's audit trail: the last verification of the chain (and a new one on
 * demand), a search newest first with keyset paging (the filters live in the address), each
 * event opening to its details and its place in the hash chain, and the export of a period.
 */
export function AuditPage() {
  const { can } = useSession();
  if (!can('read', 'AuditEvent')) return <NoAccess what="the audit trail" />;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every access to PHI and every change, who made it and why: append-only and sealed into a hash chain that is checked against signed checkpoints."
        actions={
          <Link className="btn btn-secondary" to="/audit/alerts">
            Audit alerts
          </Link>
        }
      />
      <AuditSearch />
      <div className="grid-2 audit-tools">
        <VerificationPanel />
        <AuditExportForm />
      </div>
    </>
  );
}

function AuditSearch() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const filters = filtersOf(params);
  const before = params.get('before');
  const query = queryOf(filters, params);
  const clients = useClients();
  const events = useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => unwrap(api.GET('/api/audit/events', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const clientName = (id: string | null) => (id ? (clients.data?.items.find((c) => c.id === id)?.name ?? 'A former client') : 'Organization');
  const search = (next: Filters) => {
    const kept = new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]);
    // A new search starts at the newest; the page size stays.
    const limit = params.get('limit');
    if (limit) kept.set('limit', limit);
    setParams(kept);
  };
  const page = (cursor: number | null) => {
    const next = new URLSearchParams(params);
    if (cursor === null) next.delete('before');
    else next.set('before', String(cursor));
    setParams(next);
  };
  const here = `${location.pathname}${location.search}`;
  return (
    <section className="card" aria-labelledby="audit-search-title">
      <h2 id="audit-search-title">Search</h2>
      {/* Remounted when the address changes (back, forward, a shared link), so the fields show what is searched. */}
      <AuditFilters key={JSON.stringify(filters)} filters={filters} error={events.error} onSearch={search} />
      {events.isPending ? (
        <Loading />
      ) : events.isError ? null : (
        <>
          <p className="muted small" role="status">
            {events.data.items.length === 0
              ? 'No event matches.'
              : `${events.data.items.length} ${events.data.items.length === 1 ? 'event' : 'events'}${events.data.hasMore ? ', more older ones' : ''}, newest first. Times are yours (${viewerZone()}).`}
          </p>
          <DataTable<AuditEventView>
            caption="Audit events"
            rows={events.data.items}
            rowKey={(e) => String(e.id)}
            columns={[
              {
                key: 'time',
                header: 'Time',
                render: (e) => (
                  <Link className="nowrap" to={`/audit/events/${e.id}`} state={{ back: here, backLabel: 'Audit trail' } satisfies EventOrigin}>
                    {eventTime(e.occurredAt)}
                  </Link>
                ),
              },
              { key: 'person', header: 'Person', render: (e) => actorText(e) },
              { key: 'action', header: 'Action', render: (e) => <ActionCode action={e.action} /> },
              { key: 'outcome', header: 'Outcome', render: (e) => <OutcomeBadge outcome={e.outcome} /> },
              { key: 'client', header: 'Client', render: (e) => clientName(e.clientId) },
              { key: 'patient', header: 'Patient', render: (e) => (e.patientRef ? <span className="ref">{e.patientRef}</span> : '—') },
              { key: 'fields', header: 'Fields', render: (e) => fieldsText(e.fields) },
              { key: 'purpose', header: 'Purpose', render: (e) => purposeText(e.purpose) },
            ]}
          />
          <KeysetPager caption="Audit events" atNewest={!before} nextBefore={events.data.nextBefore} onOlder={page} onNewest={() => page(null)} />
        </>
      )}
    </section>
  );
}

/** The filter bar: edited here, searched when sent (the address then holds it). The server's refusal of a filter shows on that field. */
function AuditFilters({ filters, error, onSearch }: { filters: Filters; error: unknown; onSearch: (filters: Filters) => void }) {
  const { can } = useSession();
  const zone = viewerZone();
  const form = useRef<HTMLFormElement>(null);
  const familiesId = useId();
  const [draft, setDraft] = useState({
    actorId: filters.actorId ?? '',
    patientRef: filters.patientRef ?? '',
    clientId: filters.clientId ?? '',
    action: filters.action ?? '',
    outcome: filters.outcome ?? '',
    from: filters.from && !Number.isNaN(Date.parse(filters.from)) ? instantToZoned(filters.from, zone) : '',
    to: filters.to && !Number.isNaN(Date.parse(filters.to)) ? instantToZoned(filters.to, zone) : '',
  });
  const [own, setOwn] = useState<Record<string, string>>({});
  // A filter edited since the search no longer stands for the server's refusal of it.
  const [dismissed, setDismissed] = useState<string[]>([]);
  const people = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200 } } })),
    enabled: can('read', 'User', { orgWide: true }),
  });
  const server = Object.fromEntries(Object.entries(fieldErrorsOf(error)).filter(([field]) => !dismissed.includes(field)));
  const errors: Record<string, string | undefined> = { ...server, ...own };
  const formError = useFormProblem(error, form, dismissed);
  const set = (key: keyof typeof draft, value: string) => {
    setDraft({ ...draft, [key]: value });
    setOwn(({ [key]: _gone, ...rest }) => rest);
    if (!dismissed.includes(key)) setDismissed([...dismissed, key]);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checks: Record<string, string> = {};
    const from = draft.from ? zonedToInstant(draft.from, zone) : null;
    const to = draft.to ? zonedToInstant(draft.to, zone) : null;
    if (draft.from && !from) checks.from = 'Enter a date and time.';
    if (draft.to && !to) checks.to = 'Enter a date and time.';
    if (from && to && to <= from) checks.to = 'The end must be after the start.';
    setOwn(checks);
    if (Object.keys(checks).length > 0) return;
    onSearch({
      actorId: draft.actorId.trim(),
      patientRef: draft.patientRef.trim().toUpperCase(),
      clientId: draft.clientId,
      action: draft.action.trim().toLowerCase(),
      outcome: draft.outcome,
      from: from ?? '',
      to: to ?? '',
    });
  };

  const staff = people.data?.items ?? [];
  const unknownActor = draft.actorId && !staff.some((p) => p.id === draft.actorId);
  return (
    <form ref={form} className="form" onSubmit={submit} noValidate aria-label="Audit search filters">
      <div className="toolbar audit-filters">
        {people.data ? (
          <SelectField label="Person" name="actorId" value={draft.actorId} error={errors.actorId} onChange={(e) => set('actorId', e.target.value)}>
            <option value="">Anyone</option>
            {unknownActor ? <option value={draft.actorId}>Id {draft.actorId}</option> : null}
            {staff.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
                {p.status === 'deactivated' ? ' (deactivated)' : ''}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField label="Person (id)" name="actorId" value={draft.actorId} error={errors.actorId} maxLength={64} onChange={(e) => set('actorId', e.target.value)} />
        )}
        <TextField label="Patient reference" name="patientRef" placeholder="P-7F3K2Q" value={draft.patientRef} error={errors.patientRef} maxLength={32} onChange={(e) => set('patientRef', e.target.value)} />
        <ClientPicker value={draft.clientId} onChange={(id) => set('clientId', id)} anyLabel="All clients" name="clientId" error={errors.clientId} className="audit-client" />
        <TextField
          label="Action"
          name="action"
          list={familiesId}
          placeholder="phi, auth, auth.login.failed"
          hint="A family or an exact action"
          value={draft.action}
          error={errors.action}
          maxLength={100}
          onChange={(e) => set('action', e.target.value)}
        />
        <datalist id={familiesId}>
          {ACTION_FAMILIES.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </datalist>
        <SelectField label="Outcome" name="outcome" value={draft.outcome} error={errors.outcome} onChange={(e) => set('outcome', e.target.value)}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
        </SelectField>
        <TextField label="From" type="datetime-local" name="from" hint={`Your time (${zone})`} value={draft.from} error={errors.from} onChange={(e) => set('from', e.target.value)} />
        <TextField label="To" type="datetime-local" name="to" hint="Up to, not including" value={draft.to} error={errors.to} onChange={(e) => set('to', e.target.value)} />
      </div>
      <FormError message={formError} />
      <div className="form-actions start">
        <Button type="submit" variant="primary">
          Search
        </Button>
        <Button
          onClick={() => {
            setOwn({});
            onSearch({});
          }}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
}

const TRIGGERS: Record<AuditVerification['trigger'], string> = { command: 'the command line', schedule: 'the schedule', console: 'the console' };
const SOURCES: Record<NonNullable<AuditVerification['checkpoint']>['source'], string> = { directory: 'the checkpoint directory', witness: 'the external witness' };

/** A verification asked for from this screen: its job, or (when one was already running) the last result it must replace. */
interface Asked {
  jobId: string | null;
  since: string | null;
  at: number;
}

/**
 * The last verification of the trail against its signed checkpoints, and "Verify now": the
 * verification runs in the background and this panel follows it until it ends.
 */
function VerificationPanel() {
  const [asked, setAsked] = useState<Asked | null>(null);
  const verification = useQuery({
    queryKey: ['audit', 'verification', asked?.jobId ?? null],
    queryFn: () => unwrap(api.GET('/api/audit/verification', { params: { query: asked?.jobId ? { job: asked.jobId } : {} } })),
    refetchInterval: (q) => (asked && isRunning(asked, q.state.data) ? 1000 : false),
  });
  const start = useSubmit(
    () => unwrap(api.POST('/api/audit/verification')),
    ({ jobId }) => setAsked({ jobId, since: verification.data?.latest?.verifiedAt ?? null, at: Date.now() }),
  );
  const running = asked !== null && isRunning(asked, verification.data);
  const latest = verification.data?.latest ?? null;
  // The job ended (or was dropped) without recording a verification: say so rather than show the old one as new.
  const unfinished = asked !== null && asked.jobId !== null && !running && (latest?.verifiedAt ?? null) === asked.since;
  return (
    <section className="card verification" aria-labelledby="verification-title">
      <div className="card-header-row">
        <h2 id="verification-title">Last verification</h2>
        <Button variant="primary" busy={start.busy || running} onClick={(e) => void start.submit(e)}>
          {running ? 'Verifying…' : 'Verify now'}
        </Button>
      </div>
      <FormError message={start.formError ?? (unfinished ? 'The verification ended without a result. Try again; if it fails again, the server’s log says why.' : null)} />
      {running ? (
        <p className="notice" role="status">
          Verifying the whole chain against its latest signed checkpoint… {Math.round((Math.max(Date.now(), verification.dataUpdatedAt) - asked.at) / 1000)} s
        </p>
      ) : null}
      {verification.isPending ? (
        <Loading />
      ) : verification.isError ? (
        <ErrorNotice error={verification.error} />
      ) : !latest ? (
        running ? null : <p className="muted">The trail has not been verified yet.</p>
      ) : (
        <>
          {latest.ok ? (
            <p className="notice notice-success verification-result" role="status">
              <strong>Intact.</strong> {latest.events.toLocaleString('en-US')} links of the chain verified {eventTime(latest.verifiedAt)}
              {latest.checkpoint ? ', and the chain matches its latest signed checkpoint.' : '; no signed checkpoint yet to hold it to.'}
            </p>
          ) : (
            <p className="notice notice-danger verification-result" role="alert">
              <strong>Verification failed {eventTime(latest.verifiedAt)}:</strong> {latest.problem ?? 'a problem was found'}
              {latest.problemPosition !== null ? ` (chain position ${latest.problemPosition})` : ''}. Treat the trail as tampered with until this is explained.
            </p>
          )}
          <dl className="details">
            <dt>Verified</dt>
            <dd>
              {eventTime(latest.verifiedAt)}, started from {TRIGGERS[latest.trigger]}
            </dd>
            <dt>Result</dt>
            <dd>{latest.ok ? <span className="badge badge-success">Passed</span> : <span className="badge badge-danger">Failed</span>}</dd>
            <dt>Events</dt>
            <dd>
              {latest.events.toLocaleString('en-US')} sealed{latest.unsealed > 0 ? `, ${latest.unsealed.toLocaleString('en-US')} waiting to be sealed` : ''}
            </dd>
            <dt>Speed</dt>
            <dd>{latest.eventsPerSecond !== null ? `${latest.eventsPerSecond.toLocaleString('en-US')} events/s` : '—'}</dd>
            <dt>Checkpoint</dt>
            <dd>{latest.checkpoint ? `position ${latest.checkpoint.position.toLocaleString('en-US')}, signed ${eventTime(latest.checkpoint.at)}, read from ${SOURCES[latest.checkpoint.source]}` : 'none yet'}</dd>
          </dl>
        </>
      )}
    </section>
  );
}

/** Whether the verification asked for is still under way, from the latest answer. */
function isRunning(asked: Asked, state: { latest: { verifiedAt: string } | null; pending: boolean } | undefined): boolean {
  if (!state) return true;
  // One already running took the request: it is over once a newer result is recorded.
  if (asked.jobId === null) return (state.latest?.verifiedAt ?? null) === asked.since;
  return state.pending;
}
