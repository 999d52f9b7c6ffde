import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { AccessHistory, AccessHistoryEntry } from '../api/types';
import { NoAccess } from '../AppShell';
import { instantToZoned, zoneName, zonedToInstant } from '../client-time';
import { useSession } from '../session';
import { DataTable } from '../ui/DataTable';
import { SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { ActionCode, KeysetPager, OutcomeBadge, eventTime, fieldsText, purposeText, type EventOrigin } from './audit-parts';
import { useClientZone } from './task-parts';

const KIND_LABELS: Record<AccessHistoryEntry['kind'], string> = { access: 'Access', disclosure: 'Disclosure', change: 'Change', activity: 'Activity' };
const KIND_BADGES: Record<AccessHistoryEntry['kind'], string> = { access: 'badge-info', disclosure: 'badge-warning', change: '', activity: '' };

/**
 * Every access to one patient's information, newest first: who (and their roles), when, what
 * they did, which fields, the purpose they stated and the outcome; paged by keyset. Reading a
 * page is itself an audit event. Below, the accounting of disclosures for a period, as the
 * practice hands it to a patient who asks for one.
 */
export function AuditPatientAccessPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const allowed = can('read', 'AuditEvent');
  const [params, setParams] = useSearchParams();
  const before = params.get('before');
  const history = useQuery({
    queryKey: ['audit', 'patient-history', id, before],
    queryFn: () => unwrap(api.GET('/api/patients/{id}/access-history', { params: { path: { id }, query: before && /^\d+$/.test(before) ? { before: Number(before) } : {} } })),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });
  if (!allowed) return <NoAccess what="the audit trail" />;
  if (history.isPending) return <Loading />;
  if (history.isError)
    return (
      <>
        <p className="breadcrumb">
          <Link to={`/patients/${id}`}>Patient</Link> / Access history
        </p>
        <ErrorNotice error={history.error} />
      </>
    );
  const h = history.data;
  const page = (cursor: number | null) => setParams(cursor === null ? {} : { before: String(cursor) });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> / {h.patient.clientName} / <Link to={`/patients/${h.patient.id}`}>{h.patient.ref}</Link>
      </p>
      <PageHeader
        title={`Access history of ${h.patient.ref}`}
        tabTitle={`${h.patient.ref} access history`}
        description={`Everyone who saw, changed or disclosed this patient's information, newest first${h.patient.refs.length > 1 ? `, with the records merged into it (${h.patient.refs.filter((r) => r !== h.patient.ref).join(', ')})` : ''}. Viewing this page is recorded too.`}
        actions={
          <Link className="btn btn-secondary" to={`/audit?${new URLSearchParams({ patientRef: h.patient.ref, clientId: h.patient.clientId })}`}>
            Search the trail
          </Link>
        }
      />
      <section className="card" aria-labelledby="access-title">
        <h2 id="access-title">Accesses</h2>
        <AccessTable history={h} />
        <KeysetPager caption="Access history" atNewest={!before} nextBefore={h.nextBefore} onOlder={page} onNewest={() => page(null)} />
      </section>
      {can('export', 'AuditEvent') ? <DisclosuresForm patientId={h.patient.id} clientId={h.patient.clientId} clientName={h.patient.clientName} /> : null}
    </>
  );
}

function AccessTable({ history }: { history: AccessHistory }) {
  return (
    <DataTable<AccessHistoryEntry>
      caption={`Access history of ${history.patient.ref}`}
      rows={history.items}
      rowKey={(e) => String(e.id)}
      empty={<p className="muted">Nothing recorded about this patient yet.</p>}
      columns={[
        {
          key: 'time',
          header: 'When',
          render: (e) => (
            <Link className="nowrap" to={`/audit/events/${e.id}`} state={{ back: `/patients/${history.patient.id}/access`, backLabel: `Access history of ${history.patient.ref}` } satisfies EventOrigin}>
              {eventTime(e.occurredAt)}
            </Link>
          ),
        },
        {
          key: 'who',
          header: 'Who',
          render: (e) => (
            <>
              {e.actor.type === 'system' ? 'Ringfence (automatic)' : (e.actor.name ?? e.actor.email ?? 'A former member of staff')}
              {e.actor.roles.length > 0 ? <div className="muted small">{e.actor.roles.join(', ')}</div> : null}
            </>
          ),
        },
        {
          key: 'what',
          header: 'What',
          render: (e) => (
            <>
              <span className={`badge ${KIND_BADGES[e.kind]}`}>{KIND_LABELS[e.kind]}</span> {e.description}
              {e.recipient ? <div className="muted small">To {e.recipient}</div> : null}
              <div className="muted small">
                <ActionCode action={e.action} />
              </div>
            </>
          ),
        },
        { key: 'fields', header: 'Fields', render: (e) => fieldsText(e.fields) },
        { key: 'purpose', header: 'Purpose', render: (e) => purposeText(e.purpose) },
        { key: 'outcome', header: 'Outcome', render: (e) => <OutcomeBadge outcome={e.outcome} /> },
      ]}
    />
  );
}

type DisclosureFormat = 'pdf' | 'csv';

/** YYYY-MM-DD of the day `years` before today on a calendar. */
function dayOn(zone: string, yearsBack = 0): string {
  const today = instantToZoned(new Date().toISOString(), zone).slice(0, 10);
  return `${Number(today.slice(0, 4)) - yearsBack}${today.slice(4)}`;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The file name the server gave the download (Content-Disposition), or a fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="?([^";]+)"?/.exec(header)?.[1] ?? fallback;
}

/**
 * The accounting of disclosures for a period (at most six years) on the client's calendar, as a
 * PDF or a CSV. Fetched rather than linked, so that a refusal shows on this form, not as a
 * page of JSON; the server records the download.
 */
function DisclosuresForm({ patientId, clientId, clientName }: { patientId: string; clientId: string; clientName: string }) {
  const zoneOf = useClientZone();
  const zone = zoneOf(clientId) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const toast = useToast();
  const [period, setPeriod] = useState(() => ({ from: dayOn(zone, 6), to: dayOn(zone) }));
  const [format, setFormat] = useState<DisclosureFormat>('pdf');
  const [own, setOwn] = useState<Record<string, string>>({});
  const submit = useSubmit(
    async () => {
      const from = zonedToInstant(`${period.from}T00:00`, zone)!;
      const to = zonedToInstant(`${nextDay(period.to)}T00:00`, zone)!;
      const { data, response } = await unwrapBlob(api.GET('/api/patients/{id}/disclosures', { params: { path: { id: patientId }, query: { from, to, format } }, parseAs: 'blob' }));
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(response, `accounting-of-disclosures.${format}`);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return a.download;
    },
    (name) => toast('success', `Downloaded ${name}. The download was recorded.`),
  );
  const send = (e: FormEvent<HTMLFormElement>) => {
    const checks: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(period.from)) checks.from = 'Enter the first day of the period.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(period.to)) checks.to = 'Enter the last day of the period.';
    else if (!checks.from && period.to < period.from) checks.to = 'The last day must not be before the first.';
    setOwn(checks);
    if (Object.keys(checks).length > 0) e.preventDefault();
    else void submit.submit(e);
  };
  const errors: Record<string, string | undefined> = { ...submit.fieldErrors, ...own };
  return (
    <section className="card" aria-labelledby="disclosures-title">
      <h2 id="disclosures-title">Accounting of disclosures</h2>
      <p className="muted small">
        Each access and disclosure of the patient's information in the period: when, who (or to whom), which fields, and why. For the practice to hand to a patient who asks (45 CFR 164.528). The patient is named by reference only.
      </p>
      <form className="form" onSubmit={send} noValidate>
        <div className="inline-fields inline-fields-top">
          <TextField label="First day" type="date" name="from" hint={`${clientName}’s calendar (${zoneName(zone)})`} value={period.from} error={errors.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
          <TextField label="Last day" type="date" name="to" hint="Included; at most six years after the first" value={period.to} error={errors.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
          <SelectField label="Format" name="format" value={format} error={errors.format} onChange={(e) => setFormat(e.target.value as DisclosureFormat)}>
            <option value="pdf">PDF (to hand to the patient)</option>
            <option value="csv">CSV (a spreadsheet)</option>
          </SelectField>
        </div>
        <FormFooter error={submit.formError} busy={submit.busy}>
          Download the accounting
        </FormFooter>
      </form>
    </section>
  );
}

/** Like `unwrap`, for a download: the file and the answer (for its file name), or the ApiError of the problem. */
async function unwrapBlob(pending: Promise<{ data?: Blob; error?: unknown; response: Response }>): Promise<{ data: Blob; response: Response }> {
  let response: Response | undefined;
  const data = await unwrap(
    pending.then((result) => {
      response = result.response;
      return result;
    }),
  );
  return { data, response: response! };
}
