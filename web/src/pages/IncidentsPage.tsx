import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { IncidentReport, IncidentSummary, IncidentView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { DataTable } from '../ui/DataTable';
import { Checkbox, SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { ErrorNotice, Loading, PageHeader } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { DETERMINATION_LABELS, dueText, IncidentDeadlines, NoticeStateBadge, StatusBadge, TYPE_LABELS, when } from './incident-parts';

/** A datetime-local value (the browser's zone) as an ISO instant, or undefined when empty. */
export const instantOf = (local: string): string | undefined => (local ? new Date(local).toISOString() : undefined);
/** An ISO instant as a datetime-local value in the browser's zone. */
export const localOf = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * Incidents for the compliance officer: the notices owed (overdue ones loud), every incident
 * with its next deadline, the breach log of a year, and opening a new one (by hand, for a
 * vendor's incident, or for a person's access such as a lost device).
 */
export function IncidentsPage() {
  const { can } = useSession();
  const allowed = can('read', 'ComplianceRecord');
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const list = useQuery({ queryKey: ['incidents', 'list', status], queryFn: () => unwrap(api.GET('/api/incidents', { params: { query: { status } } })), enabled: allowed });
  const [opening, setOpening] = useState(false);
  if (!allowed) return <NoAccess what="incidents" />;
  return (
    <>
      <PageHeader
        title="Incidents"
        description="Possible breaches, from the first report to the notice to each affected client. Every deadline runs from discovery, whatever the assessment's state."
        actions={
          <button type="button" className="btn" onClick={() => setOpening((o) => !o)}>
            {opening ? 'Cancel' : 'Open an incident'}
          </button>
        }
      />
      {opening ? <OpenIncident onDone={() => setOpening(false)} /> : null}
      <section className="card" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">Notices owed</h2>
        <IncidentDeadlines />
      </section>
      <section className="card" aria-labelledby="incidents-title">
        <div className="card-header">
          <h2 id="incidents-title">Incidents</h2>
          <div className="segmented" role="radiogroup" aria-label="Which incidents">
            {(['open', 'closed', 'all'] as const).map((s) => (
              <label key={s} className={status === s ? 'active' : ''}>
                <input type="radio" name="status" value={s} checked={status === s} onChange={() => setStatus(s)} />
                {s === 'open' ? 'Open' : s === 'closed' ? 'Closed' : 'All'}
              </label>
            ))}
          </div>
        </div>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorNotice error={list.error} />
        ) : (
          <DataTable<IncidentSummary>
            caption="Incidents"
            rows={list.data.items}
            rowKey={(i) => i.id}
            empty={<p className="muted">{status === 'open' ? 'No open incident.' : 'No incident.'}</p>}
            columns={[
              { key: 'ref', header: 'Incident', render: (i) => <Link to={`/incidents/${i.id}`}>{i.ref}</Link> },
              { key: 'type', header: 'Type', render: (i) => TYPE_LABELS[i.type] },
              { key: 'status', header: 'Status', render: (i) => <StatusBadge status={i.status} /> },
              { key: 'discovered', header: 'Discovered', render: (i) => <span className="nowrap">{when(i.discoveredAt)}</span> },
              { key: 'scope', header: 'Affected', render: (i) => `${i.clients} client${i.clients === 1 ? '' : 's'}, ${i.individuals} individual${i.individuals === 1 ? '' : 's'}` },
              { key: 'determination', header: 'Determination', render: (i) => (i.determination ? DETERMINATION_LABELS[i.determination] : <span className="muted">Not yet</span>) },
              {
                key: 'next',
                header: 'Next notice',
                render: (i) =>
                  i.nextDeadline ? (
                    <>
                      <NoticeStateBadge state={i.nextDeadline.state} /> {i.nextDeadline.clientName}, {dueText(i.nextDeadline.dueAt, i.nextDeadline.timeZone)}
                    </>
                  ) : (
                    <span className="muted">None owed</span>
                  ),
              },
              { key: 'owner', header: 'Owner', render: (i) => i.owner?.name ?? <span className="muted">Nobody yet</span> },
            ]}
          />
        )}
      </section>
      <BreachLog />
    </>
  );
}

/** The breach log of a year, per client or for all, as CSV for the covered entity's annual report. */
function BreachLog() {
  const clients = useClients();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [clientId, setClientId] = useState('');
  const href = `/api/incidents/breach-log?${new URLSearchParams({ year, format: 'csv', ...(clientId ? { clientId } : {}) })}`;
  return (
    <section className="card" aria-labelledby="breach-log-title">
      <h2 id="breach-log-title">Breach log</h2>
      <p className="muted">Every incident of a year with its determination and individual counts, per client: what a covered entity needs for its annual report of breaches affecting fewer than 500 individuals.</p>
      <div className="inline-form">
        <TextField label="Year" name="year" type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
        <SelectField label="Client" name="clientId" value={clientId} onChange={(e) => setClientId(e.target.value)}>
          <option value="">Every client</option>
          {(clients.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <a className="btn btn-secondary" href={href} download>
          Download CSV
        </a>
      </div>
    </section>
  );
}

const OPEN_TYPES = Object.keys(TYPE_LABELS) as IncidentView['type'][];

/** Opening an incident as compliance: by hand, for clients, for a vendor's incident, or for what a person accessed in a window. */
function OpenIncident({ onDone }: { onDone: () => void }) {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const clients = useClients();
  const { can } = useSession();
  const vendors = useQuery({ queryKey: ['vendors'], queryFn: () => unwrap(api.GET('/api/vendors')) });
  const people = useQuery({ queryKey: ['users', 'all'], queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200 } } })), enabled: can('read', 'User', { orgWide: true }) });
  const [type, setType] = useState<IncidentView['type']>('other');
  const [description, setDescription] = useState('');
  const [discoveredAt, setDiscoveredAt] = useState(localOf(new Date().toISOString()));
  const [vendorId, setVendorId] = useState('');
  const [subjectUserId, setSubjectUserId] = useState('');
  const [occurredFrom, setOccurredFrom] = useState('');
  const [occurredTo, setOccurredTo] = useState('');
  const [clientIds, setClientIds] = useState<string[]>([]);
  const byPerson = type === 'lost_device' || type === 'stolen_device' || type === 'unauthorized_access';
  const submit = useSubmit(
    () => {
      const body: IncidentReport = {
        type,
        description: description.trim(),
        ...(instantOf(discoveredAt) ? { discoveredAt: instantOf(discoveredAt) } : {}),
        ...(type === 'vendor_incident' && vendorId ? { vendorId } : {}),
        ...(byPerson && subjectUserId ? { subjectUserId } : {}),
        ...(instantOf(occurredFrom) ? { occurredFrom: instantOf(occurredFrom) } : {}),
        ...(instantOf(occurredTo) ? { occurredTo: instantOf(occurredTo) } : {}),
        ...(clientIds.length > 0 ? { clientIds } : {}),
      };
      return unwrap(api.POST('/api/incidents', { body }));
    },
    (r) => {
      toast('success', `Incident ${r.ref} opened.`);
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      onDone();
      navigate(`/incidents/${r.id}`);
    },
  );
  return (
    <section className="card" aria-labelledby="open-incident-title">
      <h2 id="open-incident-title">Open an incident</h2>
      <form className="form" onSubmit={submit.submit} noValidate>
        <SelectField label="Type" name="type" value={type} error={submit.fieldErrors.type} onChange={(e) => setType(e.target.value as IncidentView['type'])}>
          {OPEN_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <TextAreaField label="What happened" name="description" rows={3} maxLength={4000} hint="No patient details: refer to patients by their reference" value={description} error={submit.fieldErrors.description} onChange={(e) => setDescription(e.target.value)} />
        <TextField label="Discovered" name="discoveredAt" type="datetime-local" hint="When anyone here knew, or by reasonable diligence would have known: every deadline starts here" value={discoveredAt} error={submit.fieldErrors.discoveredAt} onChange={(e) => setDiscoveredAt(e.target.value)} />
        {type === 'vendor_incident' ? (
          <SelectField label="Vendor" name="vendorId" hint="Every client whose PHI the vendor handles is affected" value={vendorId} error={submit.fieldErrors.vendorId} onChange={(e) => setVendorId(e.target.value)}>
            <option value="">Choose…</option>
            {(vendors.data?.items ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {byPerson ? (
          <SelectField label="Whose access" name="subjectUserId" hint="Everything this person accessed in the window is in scope (a lost device's user)" value={subjectUserId} error={submit.fieldErrors.subjectUserId} onChange={(e) => setSubjectUserId(e.target.value)}>
            <option value="">Nobody in particular</option>
            {(people.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="grid-2">
          <TextField label="Happened from" name="occurredFrom" type="datetime-local" value={occurredFrom} error={submit.fieldErrors.occurredFrom} onChange={(e) => setOccurredFrom(e.target.value)} />
          <TextField label="Happened until" name="occurredTo" type="datetime-local" value={occurredTo} error={submit.fieldErrors.occurredTo} onChange={(e) => setOccurredTo(e.target.value)} />
        </div>
        <fieldset className="field">
          <legend className="label">Clients affected (as far as known)</legend>
          {(clients.data?.items ?? []).map((c) => (
            <Checkbox key={c.id} label={c.name} name="clientIds" value={c.id} checked={clientIds.includes(c.id)} onChange={(e) => setClientIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)))} />
          ))}
        </fieldset>
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onDone}>
          Open incident
        </FormFooter>
      </form>
    </section>
  );
}

/** Reporting an incident, for anyone: compliance takes it from there. */
export function ReportIncidentPage() {
  const toast = useToast();
  const [type, setType] = useState<IncidentView['type']>('misdirected_disclosure');
  const [description, setDescription] = useState('');
  const [discoveredAt, setDiscoveredAt] = useState(localOf(new Date().toISOString()));
  const [reported, setReported] = useState<{ ref: string; existing: boolean } | null>(null);
  const submit = useSubmit(
    () => unwrap(api.POST('/api/incidents', { body: { type, description: description.trim(), ...(instantOf(discoveredAt) ? { discoveredAt: instantOf(discoveredAt) } : {}) } })),
    (r) => {
      toast('success', `Incident ${r.ref} reported.`);
      setReported(r);
      setDescription('');
    },
  );
  return (
    <>
      <PageHeader title="Report an incident" description="Patient information went where it should not: read to the wrong caller, left on a wrong number's voicemail, a lost or stolen device, access that should not have happened. Report it now; the clock starts when it was discovered." />
      {reported ? (
        <p className="notice" role="status">
          Reported as <strong>{reported.ref}</strong>. The compliance officers have it and will contact you if they need more.
        </p>
      ) : null}
      <section className="card">
        <form className="form" onSubmit={submit.submit} noValidate>
          <SelectField label="What happened" name="type" value={type} error={submit.fieldErrors.type} onChange={(e) => setType(e.target.value as IncidentView['type'])}>
            {OPEN_TYPES.filter((t) => t !== 'vendor_incident').map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </SelectField>
          <TextAreaField label="Describe it" name="description" rows={4} maxLength={4000} hint="What, where and how, without patient details (refer to a patient by reference, such as P-7F3K2Q)" value={description} error={submit.fieldErrors.description} onChange={(e) => setDescription(e.target.value)} />
          <TextField label="When you learned of it" name="discoveredAt" type="datetime-local" value={discoveredAt} error={submit.fieldErrors.discoveredAt} onChange={(e) => setDiscoveredAt(e.target.value)} />
          <FormFooter error={submit.formError} busy={submit.busy}>
            Report incident
          </FormFooter>
        </form>
      </section>
    </>
  );
}
