import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { AssessmentBody, IncidentAssessment, IncidentClient, IncidentNotice, IncidentView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { Checkbox, SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { DETERMINATION_LABELS, dueText, NoticeStateBadge, StatusBadge, TYPE_LABELS, when } from './incident-parts';
import { noticeTermsText } from './notice-terms';
import { instantOf, localOf } from './IncidentsPage';

const HHS_BREACH_TYPES = ['Hacking/IT Incident', 'Improper Disposal', 'Loss', 'Theft', 'Unauthorized Access/Disclosure', 'Other'] as const;
const HHS_LOCATIONS = ['Desktop Computer', 'Electronic Medical Record', 'Email', 'Laptop', 'Network Server', 'Other Portable Electronic Devices', 'Paper/Films', 'Other'] as const;
const CATEGORIES = [
  ['contact', 'Contact details'],
  ['identity', 'Identifiers'],
  ['clinical', 'Clinical information'],
  ['billing', 'Billing information'],
  ['recording', 'Call recordings'],
] as const;
const EXCLUSIONS = [
  ['workforceGoodFaith', 'Unintentional, good-faith access by a workforce member within their authority, not further used or disclosed (164.402(1)(i))'],
  ['authorizedPersons', 'Inadvertent disclosure between people authorized at the same covered entity or business associate (164.402(1)(ii))'],
  ['unableToRetain', 'The recipient could not reasonably have retained the information (164.402(1)(iii))'],
  ['encryptionSafeHarbor', 'Encryption safe harbor: the PHI was encrypted and its key was not compromised, so it was not unsecured PHI'],
] as const;
const ACQUIRED = [
  ['acquired', 'Acquired (taken, kept, copied)'],
  ['viewed', 'Viewed or heard, not kept'],
  ['not_acquired', 'Not acquired or viewed'],
  ['unknown', 'Not known'],
] as const;
const CHANNELS = [
  ['email', 'E-mail'],
  ['mail', 'Post'],
  ['fax', 'Fax'],
  ['portal', 'The client’s portal'],
  ['phone', 'Telephone, confirmed in writing'],
  ['in_person', 'In person'],
] as const;

function useIncident(id: string, enabled: boolean) {
  return useQuery({ queryKey: ['incidents', 'one', id], queryFn: () => unwrap(api.GET('/api/incidents/{id}', { params: { path: { id } } })), enabled });
}

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (next?: IncidentView) => {
    if (next) queryClient.setQueryData(['incidents', 'one', id], next);
    void queryClient.invalidateQueries({ queryKey: ['incidents'] });
  };
}

/** One incident as compliance works it: the deadlines per client and their notices, the scope, the assessment, the facts. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const allowed = can('read', 'ComplianceRecord');
  const incident = useIncident(id, allowed);
  if (!allowed) return <NoAccess what="incidents" />;
  const crumb = (
    <p className="breadcrumb">
      <Link to="/incidents">Incidents</Link> / {incident.data?.ref ?? 'Incident'}
    </p>
  );
  if (incident.isPending) return <Loading />;
  if (incident.isError) return <>{crumb}<ErrorNotice error={incident.error} /></>;
  const i = incident.data;
  const open = i.status !== 'closed';
  return (
    <>
      {crumb}
      <PageHeader title={`${i.ref}: ${TYPE_LABELS[i.type]}`} tabTitle={i.ref} description={`Discovered ${when(i.discoveredAt)} · reported ${when(i.reportedAt)}${i.reportedBy ? ` by ${i.reportedBy.name}` : ''}`} />
      <p>
        <StatusBadge status={i.status} /> {i.determination ? <span className="badge badge-info">{DETERMINATION_LABELS[i.determination]}</span> : <span className="badge">Not yet determined</span>}{' '}
        · {i.individuals} individual{i.individuals === 1 ? '' : 's'} · owner {i.owner?.name ?? 'nobody yet'}
      </p>
      <section className="card" aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">Notices to clients</h2>
        <p className="muted">Each client’s deadline runs from discovery under its own BAA, never beyond 60 days; the clock runs while the incident is assessed.</p>
        {i.clients.length === 0 ? <p className="muted">No client is in scope yet: add the affected clients below.</p> : i.clients.filter((c) => !c.removed).map((c) => <ClientNotices key={c.clientId} incident={i} client={c} open={open} />)}
      </section>
      <Scope incident={i} open={open} />
      <Assessment incident={i} open={open} />
      <Facts incident={i} open={open} />
      <History incident={i} />
      {open ? <CloseCard incident={i} /> : <p className="notice">Closed {when(i.closedAt!)}: {i.closeReason}</p>}
    </>
  );
}

function termsText(c: IncidentClient): string {
  const t = c.terms;
  return `${noticeTermsText(t.window, t.unit, t.trigger)}${t.baaId ? '' : ' (no signed BAA: the law’s 60 days)'}`;
}

/** One affected client: its deadline, what is owed, its letters (download, mark sent). */
function ClientNotices({ incident, client, open }: { incident: IncidentView; client: IncidentClient; open: boolean }) {
  const toast = useToast();
  const refresh = useRefresh(incident.id);
  const generate = useSubmit(
    () => unwrap(api.POST('/api/incidents/{id}/notices', { params: { path: { id: incident.id } }, body: { clientId: client.clientId } })),
    (n) => {
      toast('success', n.sequence > 1 ? 'Supplemental notice generated.' : 'Letter generated.');
      refresh();
    },
  );
  const latest = client.notices[client.notices.length - 1];
  const overdue = client.noticeState === 'overdue';
  return (
    <article className={`notice-client ${overdue ? 'notice notice-danger' : ''}`} aria-label={`Notice to ${client.clientName}`}>
      <h3>
        {client.clientName} <NoticeStateBadge state={client.noticeState} />
      </h3>
      <dl className="details">
        <dt>Due by</dt>
        <dd>
          <strong>{dueText(client.deadline.dueAt, client.timeZone)}</strong>
          {client.deadline.capped ? ' (the 60-day limit comes before the BAA’s window)' : ''}
          {client.deadline.delayedMs > 0 ? ` (delayed ${Math.round(client.deadline.delayedMs / 86_400_000)} days for law enforcement)` : ''}
        </dd>
        <dt>BAA notice terms</dt>
        <dd>{termsText(client)}</dd>
        <dt>Owed</dt>
        <dd>{client.obligation === 'owed' ? 'Yes' : client.obligation === 'presumed' ? 'Yes, unless the assessment finds a low probability of compromise (presumed a breach)' : 'No, under this client’s BAA and the determination'}</dd>
        <dt>Individuals</dt>
        <dd>{client.individuals}</dd>
      </dl>
      {client.notices.length > 0 ? (
        <DataTable<IncidentNotice>
          caption={`Letters to ${client.clientName}`}
          rows={client.notices}
          rowKey={(n) => n.id}
          columns={[
            { key: 'letter', header: 'Letter', render: (n) => (n.sequence === 1 ? 'Notice' : `Supplemental ${n.sequence - 1}`) },
            { key: 'generated', header: 'Generated', render: (n) => when(n.generatedAt) },
            {
              key: 'files',
              header: 'Files',
              render: (n) => (
                <span className="nowrap">
                  <a href={`/api/incidents/${incident.id}/notices/${n.id}`} download>
                    PDF
                  </a>{' '}
                  · <a href={`/api/incidents/${incident.id}/notices/${n.id}?format=md`} download>Markdown</a> · <a href={`/api/incidents/${incident.id}/notices/${n.id}?format=patients`} download>Patient list</a>
                </span>
              ),
            },
            { key: 'sent', header: 'Sent', render: (n) => (n.sent ? `${when(n.sent.at)} by ${n.sent.via} to ${n.sent.to}${n.sent.late ? ` (late: ${n.sent.lateReason})` : ''}` : <span className="muted">Not yet</span>) },
          ]}
        />
      ) : null}
      {open ? (
        <div className="inline-form">
          <Button variant={latest && !latest.sent ? 'secondary' : 'primary'} busy={generate.busy} onClick={(e) => void generate.submit(e)}>
            {!latest ? 'Generate the letter' : latest.sent ? 'Generate a supplemental notice' : 'Generate again from the record'}
          </Button>
          <FormError message={generate.formError} />
        </div>
      ) : null}
      {open && latest && !latest.sent ? <MarkSent incident={incident} client={client} notice={latest} /> : null}
    </article>
  );
}

function MarkSent({ incident, client, notice }: { incident: IncidentView; client: IncidentClient; notice: IncidentNotice }) {
  const toast = useToast();
  const refresh = useRefresh(incident.id);
  const [via, setVia] = useState<IncidentNotice['sent'] extends infer S ? (S extends { via: infer V } ? V : never) : never>('email');
  const [to, setTo] = useState('');
  const [sentAt, setSentAt] = useState('');
  const [lateReason, setLateReason] = useState('');
  const late = notice.sequence === 1 && Date.now() >= Date.parse(client.deadline.dueAt);
  const submit = useSubmit(
    () => unwrap(api.POST('/api/incidents/{id}/notices/{noticeId}/sent', { params: { path: { id: incident.id, noticeId: notice.id } }, body: { via, to: to.trim(), ...(instantOf(sentAt) ? { sentAt: instantOf(sentAt) } : {}), ...(lateReason.trim() ? { lateReason: lateReason.trim() } : {}) } })),
    () => {
      toast('success', `Recorded as sent to ${client.clientName}.`);
      refresh();
    },
  );
  return (
    <form className="form mark-sent" onSubmit={submit.submit} noValidate aria-label={`Mark the letter to ${client.clientName} sent`}>
      <div className="grid-2">
        <SelectField label="Sent by" name="via" value={via} error={submit.fieldErrors.via} onChange={(e) => setVia(e.target.value as typeof via)}>
          {CHANNELS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="Sent to" name="to" hint="Who at the client received it (their role or name)" value={to} maxLength={300} error={submit.fieldErrors.to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <TextField label="Sent at (if not now)" name="sentAt" type="datetime-local" value={sentAt} error={submit.fieldErrors.sentAt} onChange={(e) => setSentAt(e.target.value)} />
      {late || submit.fieldErrors.lateReason ? (
        <TextAreaField label="Why it is late" name="lateReason" rows={2} maxLength={2000} hint="The deadline has passed: the reason for the delay is required" value={lateReason} error={submit.fieldErrors.lateReason} onChange={(e) => setLateReason(e.target.value)} />
      ) : null}
      <FormFooter error={submit.formError} busy={submit.busy}>
        Mark sent
      </FormFooter>
    </form>
  );
}

/** The clients and patients affected, derived from the audit trail and edited with a reason. */
function Scope({ incident, open }: { incident: IncidentView; open: boolean }) {
  const toast = useToast();
  const refresh = useRefresh(incident.id);
  const clients = useClients();
  const names = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  const clientName = (id: string) => incident.clients.find((c) => c.clientId === id)?.clientName ?? names.get(id) ?? 'A client';
  const [reason, setReason] = useState('');
  const [clientId, setClientId] = useState('');
  const [patientRef, setPatientRef] = useState('');
  const [count, setCount] = useState('');
  const [remove, setRemove] = useState<{ clientId: string; patientRef: string } | null>(null);
  const submit = useSubmit(
    () =>
      unwrap(
        api.POST('/api/incidents/{id}/scope', {
          params: { path: { id: incident.id } },
          body: {
            reason: reason.trim(),
            ...(remove ? { removePatients: [remove] } : {}),
            ...(!remove && clientId && patientRef.trim() ? { addPatients: [{ clientId, patientRef: patientRef.trim() }] } : {}),
            ...(!remove && clientId && !patientRef.trim() && count === '' ? { addClients: [clientId] } : {}),
            ...(!remove && clientId && count !== '' ? { individuals: [{ clientId, count: Number(count) }] } : {}),
          },
        }),
      ),
    (next) => {
      toast('success', 'Scope changed.');
      setReason('');
      setPatientRef('');
      setCount('');
      setRemove(null);
      refresh(next);
    },
  );
  const derive = useSubmit(
    () => unwrap(api.POST('/api/incidents/{id}/scope/derive', { params: { path: { id: incident.id } } })),
    (next) => {
      toast('success', 'Scope derived again from the audit trail.');
      refresh(next);
    },
  );
  return (
    <section className="card" aria-labelledby="scope-title">
      <h2 id="scope-title">Affected scope</h2>
      <p className="muted">
        Derived from the audit trail{incident.subjectUser ? ` (what ${incident.subjectUser.name} accessed in the window)` : ''}{incident.vendor ? ` (every client whose PHI ${incident.vendor.name} handles)` : ''}. Categories of PHI seen: {incident.categories.length > 0 ? incident.categories.join(', ') : 'none'}.
      </p>
      <DataTable<IncidentClient>
        caption="Affected clients"
        rows={incident.clients}
        rowKey={(c) => c.clientId}
        empty={<p className="muted">No client in scope.</p>}
        columns={[
          { key: 'client', header: 'Client', render: (c) => (c.removed ? <s>{c.clientName}</s> : c.clientName) },
          { key: 'individuals', header: 'Individuals', render: (c) => `${c.individuals}${c.individualsSetByHand ? ' (set by hand)' : ''}` },
          { key: 'origin', header: 'From', render: (c) => (c.origin === 'derived' ? 'The trail' : 'Added') },
          { key: 'reason', header: 'Reason', render: (c) => c.reason ?? '—' },
        ]}
      />
      <DataTable<IncidentView['patients'][number]>
        caption="Affected patients"
        rows={incident.patients}
        rowKey={(p) => `${p.clientId}/${p.patientRef}`}
        empty={<p className="muted">No patient identified in the trail.</p>}
        columns={[
          { key: 'ref', header: 'Patient', render: (p) => (p.removed ? <s className="ref">{p.patientRef}</s> : <span className="ref">{p.patientRef}</span>) },
          { key: 'client', header: 'Client', render: (p) => clientName(p.clientId) },
          { key: 'events', header: 'Events', render: (p) => p.events },
          { key: 'reason', header: 'Reason', render: (p) => p.reason ?? (p.origin === 'derived' ? 'From the trail' : '—') },
          {
            key: 'act',
            header: '',
            render: (p) =>
              open && !p.removed ? (
                <button type="button" className="btn btn-small btn-secondary" onClick={() => setRemove({ clientId: p.clientId, patientRef: p.patientRef })}>
                  Remove…
                </button>
              ) : null,
          },
        ]}
      />
      {open ? (
        <form className="form" onSubmit={submit.submit} noValidate aria-label="Change the scope">
          {remove ? (
            <p className="notice notice-warning">
              Removing <span className="ref">{remove.patientRef}</span> from the scope. <button type="button" className="link" onClick={() => setRemove(null)}>Keep it</button>
            </p>
          ) : (
            <div className="grid-2">
              <SelectField label="Client" name="clientId" value={clientId} error={submit.fieldErrors.clientId} onChange={(e) => setClientId(e.target.value)}>
                <option value="">Choose…</option>
                {(clients.data?.items ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </SelectField>
              <TextField label="Add a patient (reference)" name="patientRef" placeholder="P-7F3K2Q" value={patientRef} maxLength={16} error={submit.fieldErrors['addPatients.0.patientRef']} onChange={(e) => setPatientRef(e.target.value)} />
              <TextField label="Or set the number of individuals" name="count" type="number" min={0} value={count} onChange={(e) => setCount(e.target.value)} />
            </div>
          )}
          <TextField label="Reason" name="reason" hint="Why the scope changes (no patient details)" value={reason} maxLength={1000} error={submit.fieldErrors.reason} onChange={(e) => setReason(e.target.value)} />
          <FormFooter error={submit.formError} busy={submit.busy}>
            {remove ? 'Remove from scope' : 'Change scope'}
          </FormFooter>
        </form>
      ) : null}
      {open ? (
        <p>
          <Button variant="secondary" busy={derive.busy} onClick={(e) => void derive.submit(e)}>
            Derive again from the audit trail
          </Button>
          <FormError message={derive.formError} />
        </p>
      ) : null}
    </section>
  );
}

type Draft = {
  exclusions: IncidentAssessment['exclusions'];
  factors: IncidentAssessment['factors'];
  determination: IncidentAssessment['determination'];
  reasoning: string;
};

function draftOf(incident: IncidentView): Draft {
  const latest = incident.assessments[0];
  if (latest)
    return { exclusions: structuredClone(latest.exclusions), factors: structuredClone(latest.factors), determination: latest.signedAt ? null : latest.determination, reasoning: latest.signedAt ? '' : (latest.reasoning ?? '') };
  const off = { applies: false, reasoning: null };
  return {
    exclusions: { workforceGoodFaith: { ...off }, authorizedPersons: { ...off }, unableToRetain: { ...off }, encryptionSafeHarbor: { ...off } },
    factors: { nature: { categories: incident.categories.filter((c) => c !== 'operational'), extent: null }, recipient: { text: null }, acquired: { answer: null, text: null }, mitigation: { text: null } },
    determination: null,
    reasoning: '',
  };
}

/** The exclusions, the four factors and the determination; signed, a version never changes. */
function Assessment({ incident, open }: { incident: IncidentView; open: boolean }) {
  const toast = useToast();
  const refresh = useRefresh(incident.id);
  const latest = incident.assessments[0];
  const signedLatest = latest?.signedAt ? latest : null;
  const [amending, setAmending] = useState(false);
  const editing = open && (!signedLatest || amending);
  const [d, setD] = useState<Draft>(() => draftOf(incident));
  const body = (): AssessmentBody => ({
    exclusions: d.exclusions,
    factors: { nature: { categories: d.factors.nature.categories, extent: d.factors.nature.extent }, recipient: d.factors.recipient, acquired: d.factors.acquired, mitigation: d.factors.mitigation },
    determination: d.determination,
    reasoning: d.reasoning.trim() || null,
  });
  const save = useSubmit(
    () => unwrap(api.PUT('/api/incidents/{id}/assessment', { params: { path: { id: incident.id } }, body: body() })),
    (next) => {
      toast('success', 'Draft saved.');
      refresh(next);
    },
  );
  const sign = useSubmit(
    async () => {
      await unwrap(api.PUT('/api/incidents/{id}/assessment', { params: { path: { id: incident.id } }, body: body() }));
      return unwrap(api.POST('/api/incidents/{id}/assessment/sign', { params: { path: { id: incident.id } } }));
    },
    (next) => {
      toast('success', 'Assessment signed.');
      setAmending(false);
      refresh(next);
    },
  );
  const errors = { ...save.fieldErrors, ...sign.fieldErrors };
  const setText = (value: string) => value || null;
  return (
    <section className="card" aria-labelledby="assessment-title">
      <h2 id="assessment-title">Risk assessment</h2>
      {signedLatest ? (
        <p className="notice" role="status">
          Version {signedLatest.version} signed by {signedLatest.signedBy?.name ?? 'someone no longer here'} on {when(signedLatest.signedAt!)}: <strong>{DETERMINATION_LABELS[signedLatest.determination!]}</strong>. {signedLatest.reasoning}
        </p>
      ) : null}
      {incident.assessments.length > 1 || (signedLatest && !amending) ? (
        <details>
          <summary>Every version ({incident.assessments.length})</summary>
          <ul>
            {incident.assessments.map((a) => (
              <li key={a.id}>
                Version {a.version}: {a.determination ? DETERMINATION_LABELS[a.determination] : 'no determination'} · {a.signedAt ? `signed ${when(a.signedAt)} by ${a.signedBy?.name ?? '—'}` : 'draft'}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {open && signedLatest && !amending ? (
        <Button variant="secondary" onClick={() => { setD(draftOf(incident)); setAmending(true); }}>
          Amend (a new version)
        </Button>
      ) : null}
      {editing ? (
        <form className="form assessment-form" onSubmit={save.submit} noValidate>
          <fieldset className="field">
            <legend className="label">1. Is it excluded from being a breach?</legend>
            {EXCLUSIONS.map(([key, label]) => (
              <div key={key} className="exclusion">
                <Checkbox label={label} name={`exclusions.${key}.applies`} checked={d.exclusions[key].applies} onChange={(e) => setD({ ...d, exclusions: { ...d.exclusions, [key]: { ...d.exclusions[key], applies: e.target.checked } } })} />
                {d.exclusions[key].applies ? (
                  <TextAreaField label="Why it applies" name={`exclusions.${key}.reasoning`} rows={2} maxLength={4000} value={d.exclusions[key].reasoning ?? ''} error={errors[`exclusions.${key}.reasoning`]} onChange={(e) => setD({ ...d, exclusions: { ...d.exclusions, [key]: { ...d.exclusions[key], reasoning: setText(e.target.value) } } })} />
                ) : null}
              </div>
            ))}
          </fieldset>
          <fieldset className="field">
            <legend className="label">2. The four factors (45 CFR 164.402(2))</legend>
            <div className="field">
              <span className="label">Nature and extent of the PHI: categories involved</span>
              {CATEGORIES.map(([value, label]) => (
                <Checkbox
                  key={value}
                  label={label}
                  name="factors.nature.categories"
                  checked={d.factors.nature.categories.includes(value)}
                  onChange={(e) => setD({ ...d, factors: { ...d.factors, nature: { ...d.factors.nature, categories: e.target.checked ? [...d.factors.nature.categories, value] : d.factors.nature.categories.filter((c) => c !== value) } } })}
                />
              ))}
            </div>
            <TextAreaField label="Nature and extent: what was disclosed, how identifiable" name="factors.nature.extent" rows={2} maxLength={4000} value={d.factors.nature.extent ?? ''} error={errors['factors.nature.extent']} onChange={(e) => setD({ ...d, factors: { ...d.factors, nature: { ...d.factors.nature, extent: setText(e.target.value) } } })} />
            <TextAreaField label="The unauthorized person who used or received it" name="factors.recipient.text" rows={2} maxLength={4000} value={d.factors.recipient.text ?? ''} error={errors['factors.recipient.text']} onChange={(e) => setD({ ...d, factors: { ...d.factors, recipient: { text: setText(e.target.value) } } })} />
            <SelectField label="Was the PHI actually acquired or viewed?" name="factors.acquired.answer" value={d.factors.acquired.answer ?? ''} error={errors['factors.acquired.answer']} onChange={(e) => setD({ ...d, factors: { ...d.factors, acquired: { ...d.factors.acquired, answer: (e.target.value || null) as Draft['factors']['acquired']['answer'] } } })}>
              <option value="">Choose…</option>
              {ACQUIRED.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <TextAreaField label="How it is known" name="factors.acquired.text" rows={2} maxLength={4000} value={d.factors.acquired.text ?? ''} error={errors['factors.acquired.text']} onChange={(e) => setD({ ...d, factors: { ...d.factors, acquired: { ...d.factors.acquired, text: setText(e.target.value) } } })} />
            <TextAreaField label="The extent to which the risk has been mitigated" name="factors.mitigation.text" rows={2} maxLength={4000} value={d.factors.mitigation.text ?? ''} error={errors['factors.mitigation.text']} onChange={(e) => setD({ ...d, factors: { ...d.factors, mitigation: { text: setText(e.target.value) } } })} />
          </fieldset>
          <fieldset className="field">
            <legend className="label">3. Determination</legend>
            {(['breach', 'low_probability', 'excluded'] as const).map((value) => (
              <label key={value} className="checkbox">
                <input type="radio" name="determination" value={value} checked={d.determination === value} onChange={() => setD({ ...d, determination: value })} />
                {DETERMINATION_LABELS[value]}
              </label>
            ))}
            {errors.determination ? (
              <span className="error" role="alert" data-field-error="determination">
                {errors.determination}
              </span>
            ) : null}
          </fieldset>
          <TextAreaField label="Reasoning" name="reasoning" rows={3} maxLength={4000} hint="Why this determination follows from the factors (no patient details)" value={d.reasoning} error={errors.reasoning} onChange={(e) => setD({ ...d, reasoning: e.target.value })} />
          <div className="form-footer">
            <Button type="submit" variant="secondary" busy={save.busy}>
              Save draft
            </Button>
            <Button variant="primary" busy={sign.busy} onClick={(e) => void sign.submit(e)}>
              Sign the assessment
            </Button>
          </div>
          <FormError message={save.formError ?? sign.formError} />
          <p className="muted small">Once signed, this version cannot change: an amendment is a new version, and both are kept.</p>
        </form>
      ) : null}
    </section>
  );
}

/** The incident's facts: type, discovery (moved only with a reason), the window, HHS's classification, a law-enforcement delay. */
function Facts({ incident, open }: { incident: IncidentView; open: boolean }) {
  const toast = useToast();
  const refresh = useRefresh(incident.id);
  const [type, setType] = useState(incident.type);
  const [discoveredAt, setDiscoveredAt] = useState(localOf(incident.discoveredAt));
  const [occurredFrom, setOccurredFrom] = useState(localOf(incident.occurredFrom));
  const [occurredTo, setOccurredTo] = useState(localOf(incident.occurredTo));
  const [breachType, setBreachType] = useState(incident.hhs.breachType);
  const [location, setLocation] = useState(incident.hhs.location);
  const [delayKind, setDelayKind] = useState<'' | 'written' | 'oral'>(incident.lawEnforcementDelay?.kind ?? '');
  const [delayStatedAt, setDelayStatedAt] = useState(localOf(incident.lawEnforcementDelay?.statedAt));
  const [delayUntil, setDelayUntil] = useState(localOf(incident.lawEnforcementDelay?.until));
  const [agency, setAgency] = useState(incident.lawEnforcementDelay?.agency ?? '');
  const [reason, setReason] = useState('');
  const movedDiscovery = instantOf(discoveredAt) !== undefined && instantOf(discoveredAt) !== new Date(incident.discoveredAt).toISOString() && localOf(incident.discoveredAt) !== discoveredAt;
  const submit = useSubmit(
    () =>
      unwrap(
        api.PATCH('/api/incidents/{id}', {
          params: { path: { id: incident.id } },
          body: {
            type,
            ...(movedDiscovery ? { discoveredAt: instantOf(discoveredAt) } : {}),
            occurredFrom: instantOf(occurredFrom) ?? null,
            occurredTo: instantOf(occurredTo) ?? null,
            hhsBreachType: breachType,
            hhsLocation: location,
            lawEnforcementDelay: delayKind ? { kind: delayKind, statedAt: instantOf(delayStatedAt) ?? '', until: instantOf(delayUntil) ?? '', agency: agency.trim() || null } : null,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      ),
    (next) => {
      toast('success', 'Incident updated.');
      setReason('');
      refresh(next);
    },
  );
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">Facts and classification</h2>
      <p className="task-note">{incident.description}</p>
      {open ? (
        <form className="form" onSubmit={submit.submit} noValidate aria-label="The incident's facts">
          <div className="grid-2">
            <SelectField label="Type" name="type" value={type} onChange={(e) => setType(e.target.value as IncidentView['type'])}>
              {(Object.keys(TYPE_LABELS) as IncidentView['type'][]).map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </SelectField>
            <TextField label="Discovered" name="discoveredAt" type="datetime-local" hint="Every deadline starts here" value={discoveredAt} error={submit.fieldErrors.discoveredAt} onChange={(e) => setDiscoveredAt(e.target.value)} />
            <TextField label="Happened from" name="occurredFrom" type="datetime-local" value={occurredFrom} error={submit.fieldErrors.occurredFrom} onChange={(e) => setOccurredFrom(e.target.value)} />
            <TextField label="Happened until" name="occurredTo" type="datetime-local" value={occurredTo} error={submit.fieldErrors.occurredTo} onChange={(e) => setOccurredTo(e.target.value)} />
            <SelectField label="HHS: type of breach" name="hhsBreachType" value={breachType} onChange={(e) => setBreachType(e.target.value as typeof breachType)}>
              {HHS_BREACH_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </SelectField>
            <SelectField label="HHS: location of the PHI" name="hhsLocation" value={location} onChange={(e) => setLocation(e.target.value as typeof location)}>
              {HHS_LOCATIONS.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </SelectField>
          </div>
          <p className="muted small">HHS: type of PHI {incident.hhs.phiTypes.join(', ') || 'none yet'} (from the categories involved).</p>
          <fieldset className="field">
            <legend className="label">Law-enforcement delay (45 CFR 164.412)</legend>
            <SelectField label="Statement" name="lawEnforcementDelay.kind" value={delayKind} onChange={(e) => setDelayKind(e.target.value as typeof delayKind)}>
              <option value="">None</option>
              <option value="written">Written: delays for the period it states</option>
              <option value="oral">Oral: delays for at most 30 days</option>
            </SelectField>
            {delayKind ? (
              <div className="grid-2">
                <TextField label="Stated at" name="lawEnforcementDelay.statedAt" type="datetime-local" value={delayStatedAt} error={submit.fieldErrors['lawEnforcementDelay.statedAt']} onChange={(e) => setDelayStatedAt(e.target.value)} />
                <TextField label="Delay until" name="lawEnforcementDelay.until" type="datetime-local" value={delayUntil} error={submit.fieldErrors['lawEnforcementDelay.until']} onChange={(e) => setDelayUntil(e.target.value)} />
                <TextField label="Agency" name="lawEnforcementDelay.agency" value={agency} maxLength={200} onChange={(e) => setAgency(e.target.value)} />
              </div>
            ) : null}
          </fieldset>
          {movedDiscovery || submit.fieldErrors.reason ? (
            <TextField label="Why discovery moves" name="reason" hint="Every deadline starts at discovery: say why it changes" value={reason} maxLength={1000} error={submit.fieldErrors.reason} onChange={(e) => setReason(e.target.value)} />
          ) : null}
          <FormFooter error={submit.formError} busy={submit.busy}>
            Save
          </FormFooter>
        </form>
      ) : null}
    </section>
  );
}

function History({ incident }: { incident: IncidentView }) {
  if (incident.changes.length === 0) return null;
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">What changed</h2>
      <ul>
        {incident.changes.map((c, n) => (
          <li key={n}>
            {when(c.at)} · {c.by?.name ?? 'Ringfence'} · {c.changed.join(', ')}
            {c.reason ? ` · ${c.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CloseCard({ incident }: { incident: IncidentView }) {
  const toast = useToast();
  const refresh = useRefresh(incident.id);
  const [reason, setReason] = useState('');
  const submit = useSubmit(
    () => unwrap(api.POST('/api/incidents/{id}/close', { params: { path: { id: incident.id } }, body: { reason: reason.trim() } })),
    (next) => {
      toast('success', `${incident.ref} closed.`);
      refresh(next);
    },
  );
  return (
    <section className="card" aria-labelledby="close-title">
      <h2 id="close-title">Close</h2>
      <form className="form" onSubmit={submit.submit} noValidate>
        <TextField label="Closing note" name="reason" hint="Once the assessment is signed and every owed notice is sent" value={reason} maxLength={1000} error={submit.fieldErrors.reason} onChange={(e) => setReason(e.target.value)} />
        <FormFooter error={submit.formError} busy={submit.busy}>
          Close incident
        </FormFooter>
      </form>
    </section>
  );
}
