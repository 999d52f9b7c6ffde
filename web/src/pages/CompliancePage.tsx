import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import { ApiError, api, rawBody, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { BaaChainEntry, BaaView, TrainingImport, TrainingOverview, VendorView } from '../api/types';
import { noticeTermsText, noticeWindowText } from './notice-terms';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { Checkbox, InlineError, SelectField, TextField } from '../ui/Field';
import { ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useChosen } from '../ui/useChosen';
import { useSubmit } from '../ui/useSubmit';

const STATE_LABELS: Record<BaaChainEntry['state'], string> = {
  missing: 'No BAA',
  expired: 'Expired',
  terminated: 'Terminated',
  pending: 'Not yet in effect',
  draft: 'Draft only',
  expiring: 'Ends soon',
  active: 'Active',
};
// The charts load with the dashboard, not with the console every agent opens.
const ComplianceOverview = lazy(() => import('./ComplianceOverview'));
/** The services a vendor can provide; every value the server knows, in this order (a new one fails the type check). */
const SERVICE_ORDER: Record<VendorView['services'][number], number> = { telephony: 0, recording: 1, transcription: 2, sms: 3, email: 4, hosting: 5, other: 6 };
const SERVICES = Object.keys(SERVICE_ORDER) as VendorView['services'][number][];

/** Today as YYYY-MM-DD on a calendar: a client's for its BAA (the server judges it there), else UTC's. */
function todayIso(timeZone = 'UTC'): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** Sends the signed PDF itself (not JSON) to be stored encrypted with the BAA. */
function uploadDocument(baaId: string, file: File) {
  return unwrap(
    api.PUT('/api/baas/{id}/document', { params: { path: { id: baaId }, query: { name: file.name } }, ...rawBody(file, 'application/pdf') }),
  );
}

/**
 * The compliance officer's view of the agreements that gate the work: every client and every
 * vendor that handles PHI with its BAA state, gaps first (a client without an active BAA has
 * its PHI closed everywhere); recording and signing BAAs with their PDF; vendors.
 */
export function CompliancePage() {
  const { can } = useSession();
  const allowed = can('read', 'ComplianceRecord');
  const chain = useQuery({ queryKey: ['compliance', 'chain'], queryFn: () => unwrap(api.GET('/api/compliance/baa-chain', { params: { query: {} } })), enabled: allowed });
  const vendors = useQuery({ queryKey: ['compliance', 'vendors'], queryFn: () => unwrap(api.GET('/api/vendors')), enabled: allowed });
  const [recording, setRecording] = useState<BaaChainEntry['party'] | null>(null);
  const [opened, setOpened] = useState<{ id: string; party: BaaChainEntry['party'] } | null>(null);
  const [addingVendor, setAddingVendor] = useState(false);
  const [editingVendor, setEditingVendor] = useState<VendorView | null>(null);
  const clients = useClients();
  const clientName = (id: string) => clients.data?.items.find((c) => c.id === id)?.name ?? 'a former client';
  if (!allowed) return <NoAccess what="compliance records" />;
  const entries = (chain.data as { items: BaaChainEntry[] } | undefined)?.items ?? [];
  const gaps = entries.filter((e) => e.state !== 'active' && e.state !== 'expiring').length;
  return (
    <>
      <PageHeader
        title="Compliance"
        description="Business associate agreements gate the work: without an active signed BAA a client’s PHI can be neither created nor read, anywhere in Ringfence."
      />
      <Suspense fallback={<Loading />}>
        <ComplianceOverview />
      </Suspense>
      <section className="card" aria-labelledby="chain-title">
        <div className="card-header-row">
          <h2 id="chain-title">BAA chain</h2>
          <span className="outcomes">
            <a className="btn btn-secondary btn-small" href="/api/compliance/baa-chain?format=pdf" download>
              Download PDF
            </a>
            <a className="btn btn-secondary btn-small" href="/api/compliance/baa-chain?format=csv" download>
              Download CSV
            </a>
          </span>
        </div>
        <p className={gaps ? 'notice notice-warning' : 'muted'} role="status">
          {gaps ? `${gaps} ${gaps === 1 ? 'party has' : 'parties have'} no active BAA: listed first.` : 'Every client and every vendor handling PHI has an active BAA.'}
        </p>
        {chain.isPending ? (
          <Loading />
        ) : chain.isError ? (
          <ErrorNotice error={chain.error} />
        ) : (
          <DataTable<BaaChainEntry>
            caption="Clients and vendors handling PHI, with their BAA"
            rows={entries}
            rowKey={(e) => `${e.party.type}-${e.party.id}`}
            empty={<p className="muted">No clients or PHI-handling vendors yet.</p>}
            columns={[
              { key: 'party', header: 'Party', render: (e) => e.party.name },
              { key: 'type', header: 'Kind', render: (e) => (e.party.type === 'client' ? 'Client' : `Vendor · ${e.services.join(', ')}`) },
              { key: 'state', header: 'BAA', render: (e) => <span className={`badge baa-${e.state}`}>{STATE_LABELS[e.state]}</span> },
              { key: 'effective', header: 'In effect from', render: (e) => e.effectiveOn ?? '—' },
              { key: 'ends', header: 'Ends', render: (e) => e.endsOn ?? '—' },
              { key: 'notice', header: 'Breach notice', render: (e) => (e.breachNoticeDays ? noticeWindowText(e.breachNoticeDays, e.breachNoticeUnit ?? 'calendar_days') : '—') },
              { key: 'reach', header: 'PHI shared with', render: (e) => (e.reach === null ? 'All clients' : e.reach.length > 0 ? e.reach.join(', ') : '—') },
              {
                key: 'actions',
                header: 'Actions',
                render: (e) => (
                  <span className="outcomes">
                    {e.baaId ? (
                      <Button small variant="secondary" onClick={() => setOpened({ id: e.baaId!, party: e.party })}>
                        Open
                      </Button>
                    ) : null}
                    {can('create', 'ComplianceRecord') && e.state !== 'active' ? (
                      <Button small onClick={() => setRecording(e.party)}>
                        Record BAA
                      </Button>
                    ) : null}
                  </span>
                ),
              },
            ]}
          />
        )}
      </section>
      <section className="card" aria-labelledby="vendors-title">
        <div className="card-header-row">
          <h2 id="vendors-title">Vendors</h2>
          {can('create', 'ComplianceRecord') ? (
            <Button small onClick={() => setAddingVendor(true)}>
              Add vendor
            </Button>
          ) : null}
        </div>
        {vendors.isPending ? (
          <Loading />
        ) : vendors.isError ? (
          <ErrorNotice error={vendors.error} />
        ) : (
          <DataTable<VendorView>
            caption="Vendors"
            rows={vendors.data.items}
            rowKey={(v) => v.id}
            empty={<p className="muted">No vendors recorded.</p>}
            columns={[
              { key: 'name', header: 'Vendor', render: (v) => v.name },
              { key: 'services', header: 'Services', render: (v) => v.services.join(', ') },
              { key: 'phi', header: 'Handles PHI', render: (v) => (v.handlesPhi ? 'Yes' : 'No') },
              { key: 'clients', header: 'Serves', render: (v) => (v.clientIds === null ? 'All clients' : v.clientIds.map((id) => clientName(id)).join(', ') || '—') },
              { key: 'status', header: 'Status', render: (v) => v.status },
              ...(can('update', 'ComplianceRecord')
                ? [
                    {
                      key: 'actions',
                      header: 'Actions',
                      render: (v: VendorView) => (
                        <Button small variant="secondary" onClick={() => setEditingVendor(v)}>
                          Edit
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </section>
      <TrainingSection />
      {recording ? <RecordBaaDialog party={recording} onClose={() => setRecording(null)} /> : null}
      {opened ? <BaaDialog id={opened.id} party={opened.party} onClose={() => setOpened(null)} /> : null}
      {addingVendor ? <VendorDialog onClose={() => setAddingVendor(false)} /> : null}
      {editingVendor ? <VendorDialog vendor={editingVendor} onClose={() => setEditingVendor(null)} /> : null}
    </>
  );
}

function useRefreshCompliance() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['compliance'] });
}

/** Records a BAA with a client or vendor, optionally signed at once with its PDF. */
function RecordBaaDialog({ party, onClose }: { party: BaaChainEntry['party']; onClose: () => void }) {
  const toast = useToast();
  const refresh = useRefreshCompliance();
  const clients = useClients();
  const zone = party.type === 'client' ? clients.data?.items.find((c) => c.id === party.id)?.timeZone : undefined;
  const [form, setForm] = useState({ status: 'signed' as 'draft' | 'signed', effectiveOn: todayIso(zone), endsOn: '', counterpartySigner: '', breachNoticeDays: '30', breachNoticeUnit: 'calendar_days' as BaaView['breachNoticeUnit'], breachNoticeTrigger: 'breach' as BaaView['breachNoticeTrigger'], terminationDisposition: 'destroy' as 'return' | 'destroy' });
  const [file, setFile] = useState<File | null>(null);
  const submit = useSubmit(
    async () => {
      const baa = await unwrap(
        api.POST('/api/baas', {
          body: {
            ...(party.type === 'client' ? { clientId: party.id } : { vendorId: party.id }),
            status: form.status,
            effectiveOn: form.effectiveOn || null,
            endsOn: form.endsOn || null,
            counterpartySigner: form.counterpartySigner || null,
            breachNoticeDays: Number(form.breachNoticeDays),
            breachNoticeUnit: form.breachNoticeUnit,
            breachNoticeTrigger: form.breachNoticeTrigger,
            terminationDisposition: form.terminationDisposition,
          },
        }),
      );
      return file ? uploadDocument(baa.id, file) : baa;
    },
    (baa) => {
      refresh();
      toast('success', baa.active ? `BAA with ${party.name} recorded: it is active.` : `BAA with ${party.name} recorded as ${baa.status}.`);
      onClose();
    },
  );
  return (
    <Dialog title={`Record a BAA with ${party.name}`} open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <div className="inline-fields">
          <SelectField label="Status" name="status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as typeof form.status })}>
            <option value="signed">Signed</option>
            <option value="draft">Draft</option>
          </SelectField>
          <TextField label="In effect from" name="effectiveOn" type="date" hint={zone ? `Days on the client’s calendar (${zone})` : 'Days in UTC'} value={form.effectiveOn} error={submit.fieldErrors.effectiveOn} onChange={(e) => setForm({ ...form, effectiveOn: e.target.value })} />
          <TextField label="Ends (optional)" name="endsOn" type="date" value={form.endsOn} error={submit.fieldErrors.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.target.value })} />
        </div>
        <TextField label="Signed for the other party by" name="counterpartySigner" value={form.counterpartySigner} maxLength={200} onChange={(e) => setForm({ ...form, counterpartySigner: e.target.value })} />
        <div className="inline-fields">
          <TextField label="Incident notice window" name="breachNoticeDays" type="number" min={1} max={365} hint="Never beyond 60 days after discovery, whatever the BAA says" value={form.breachNoticeDays} error={submit.fieldErrors.breachNoticeDays} onChange={(e) => setForm({ ...form, breachNoticeDays: e.target.value })} />
          <SelectField label="Counted in" name="breachNoticeUnit" value={form.breachNoticeUnit} onChange={(e) => setForm({ ...form, breachNoticeUnit: e.target.value as typeof form.breachNoticeUnit })}>
            <option value="calendar_days">Calendar days</option>
            <option value="business_days">Business days</option>
            <option value="hours">Hours (“immediately”)</option>
          </SelectField>
          <SelectField label="Notice owed for" name="breachNoticeTrigger" value={form.breachNoticeTrigger} onChange={(e) => setForm({ ...form, breachNoticeTrigger: e.target.value as typeof form.breachNoticeTrigger })}>
            <option value="breach">Confirmed breaches only</option>
            <option value="impermissible_use">Any impermissible use or disclosure</option>
            <option value="security_incident">Any security incident</option>
          </SelectField>
        </div>
        <div className="inline-fields">
          <SelectField label="At termination" name="terminationDisposition" value={form.terminationDisposition} onChange={(e) => setForm({ ...form, terminationDisposition: e.target.value as typeof form.terminationDisposition })}>
            <option value="destroy">Destroy the PHI</option>
            <option value="return">Return the PHI</option>
          </SelectField>
        </div>
        <div className="field">
          <label htmlFor="baa-document">Signed document (PDF, stored encrypted)</label>
          <input id="baa-document" name="document" type="file" accept="application/pdf" aria-invalid={submit.fieldErrors.document ? true : undefined} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <InlineError message={submit.fieldErrors.document} />
        </div>
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Record BAA
        </FormFooter>
      </form>
    </Dialog>
  );
}

/** One BAA: its terms, its document (download is logged), and terminating it (after a confirmation). */
function BaaDialog({ id, party, onClose }: { id: string; party: BaaChainEntry['party']; onClose: () => void }) {
  const { can } = useSession();
  const baa = useQuery({ queryKey: ['compliance', 'baa', id], queryFn: () => unwrap(api.GET('/api/baas/{id}', { params: { path: { id } } })) });
  const [confirming, setConfirming] = useState(false);
  const data = baa.data as BaaView | undefined;
  return (
    <>
      <Dialog title={`BAA · ${party.name}`} open onClose={onClose}>
        {baa.isPending ? (
          <Loading />
        ) : baa.isError || !data ? (
          <ErrorNotice error={baa.error} />
        ) : (
          <div className="task-history">
            <dl className="details">
              <dt>Status</dt>
              <dd>
                {data.status}
                {data.active ? ' · active' : ''}
              </dd>
              <dt>In effect</dt>
              <dd>
                {data.effectiveOn ?? '—'} to {data.endsOn ?? 'no end date'}
              </dd>
              <dt>Signed for them by</dt>
              <dd>{data.counterpartySigner ?? '—'}</dd>
              <dt>Breach notice</dt>
              <dd>{noticeTermsText(data.breachNoticeDays, data.breachNoticeUnit, data.breachNoticeTrigger)}</dd>
              <dt>At termination</dt>
              <dd>{data.terminationDisposition === 'destroy' ? 'Destroy the PHI' : 'Return the PHI'}</dd>
              <dt>Document</dt>
              <dd>
                {data.document ? (
                  <a href={`/api/baas/${data.id}/document`} download={data.document.name}>
                    {data.document.name} ({Math.ceil(data.document.bytes / 1024)} KB)
                  </a>
                ) : (
                  'None on file'
                )}
              </dd>
            </dl>
            {can('update', 'ComplianceRecord') && data.status !== 'terminated' ? (
              <div className="form-actions">
                <Button variant="danger" onClick={() => setConfirming(true)}>
                  Terminate BAA…
                </Button>
              </div>
            ) : null}
          </div>
        )}
      </Dialog>
      {confirming && data ? <TerminateBaaDialog baa={data} party={party} onCancel={() => setConfirming(false)} onDone={onClose} /> : null}
    </>
  );
}

/**
 * Terminating a BAA cannot be undone and, for a client, closes its PHI at once: the person
 * types the party's name before the button works, so it is never one stray click.
 */
function TerminateBaaDialog({ baa, party, onCancel, onDone }: { baa: BaaView; party: BaaChainEntry['party']; onCancel: () => void; onDone: () => void }) {
  const toast = useToast();
  const refresh = useRefreshCompliance();
  const [typed, setTyped] = useState('');
  const terminate = useSubmit(
    () => unwrap(api.PATCH('/api/baas/{id}', { params: { path: { id: baa.id } }, body: { status: 'terminated' } })),
    () => {
      refresh();
      toast('success', `BAA with ${party.name} terminated.`);
      onDone();
    },
  );
  const matches = typed.trim() === party.name;
  return (
    <Dialog title={`Terminate the BAA with ${party.name}?`} open onClose={onCancel}>
      <form className="form" onSubmit={(e) => (matches ? void terminate.submit(e) : e.preventDefault())} noValidate>
        <div className="notice notice-danger">
          {baa.active ? (
            party.type === 'client' ? (
              <p>
                <strong>{party.name}’s PHI closes at once</strong>: no one can create or read it anywhere in Ringfence until another signed BAA with {party.name} is in effect.
              </p>
            ) : (
              <p>
                <strong>Ringfence stops sending PHI through {party.name} at once</strong>, until another signed BAA with {party.name} is in effect.
              </p>
            )
          ) : (
            <p>This agreement will never come into effect.</p>
          )}
          <p>
            <strong>This cannot be undone</strong>: a terminated BAA cannot be reopened. At termination the PHI is to be {baa.terminationDisposition === 'destroy' ? 'destroyed' : 'returned'}, as the agreement says.
          </p>
        </div>
        <TextField label={`Type “${party.name}” to confirm`} name="confirmName" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
        <FormError message={terminate.formError} />
        <div className="form-actions">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="danger" busy={terminate.busy} disabled={!matches}>
            Terminate BAA
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

type TrainingRow = TrainingOverview['items'][number];

/** Training at a glance: who may handle PHI, who lacks which course, and recording completions. */
function TrainingSection() {
  const { can } = useSession();
  const overview = useQuery({ queryKey: ['compliance', 'training'], queryFn: () => unwrap(api.GET('/api/training/people')) });
  const [recording, setRecording] = useState<TrainingRow | null>(null);
  const [importing, setImporting] = useState(false);
  // Training gates PHI, so it matters for the people whose roles reach PHI only.
  const closed = overview.data?.items.filter((p) => p.reachesPhi && !p.phiAccess).length ?? 0;
  return (
    <section className="card" aria-labelledby="training-title">
      <div className="card-header-row">
        <h2 id="training-title">Training</h2>
        {can('create', 'ComplianceRecord') ? (
          <Button small onClick={() => setImporting(true)}>
            Import from CSV
          </Button>
        ) : null}
      </div>
      <p className={closed ? 'notice notice-warning' : 'muted'} role="status">
        {closed ? `${closed} ${closed === 1 ? 'person has' : 'people have'} missing or expired training: patient information is closed to them.` : 'Everyone’s required training is current.'}
      </p>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <ErrorNotice error={overview.error} />
      ) : (
        <DataTable<TrainingRow>
          caption="Training by person"
          rows={overview.data.items}
          rowKey={(p) => p.userId}
          empty={<p className="muted">No one yet.</p>}
          columns={[
            { key: 'name', header: 'Person', render: (p) => p.displayName },
            {
              key: 'phi',
              header: 'PHI access',
              render: (p) =>
                p.reachesPhi ? <span className={`badge ${p.phiAccess ? 'baa-active' : 'baa-missing'}`}>{p.phiAccess ? 'Open' : 'Closed'}</span> : <span className="muted">Roles reach no PHI</span>,
            },
            { key: 'lacking', header: 'To complete', render: (p) => (p.reachesPhi && p.lacking.length ? p.lacking.join(', ') : '—') },
            { key: 'expiry', header: 'Next expiry', render: (p) => p.nextExpiry ?? '—' },
            ...(can('create', 'ComplianceRecord')
              ? [
                  {
                    key: 'actions',
                    header: 'Actions',
                    render: (p: TrainingRow) => (
                      <Button small onClick={() => setRecording(p)}>
                        Record training
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {recording ? <CompletionDialog person={recording} onClose={() => setRecording(null)} /> : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </section>
  );
}

/** Records completed courses for one person: the date and the evidence (attestation or certificate). */
function CompletionDialog({ person, onClose }: { person: TrainingRow; onClose: () => void }) {
  const toast = useToast();
  const refresh = useRefreshCompliance();
  const queryClient = useQueryClient();
  const courses = useQuery({ queryKey: ['courses'], queryFn: () => unwrap(api.GET('/api/courses')) });
  const [chosen, toggleChosen] = useChosen<string>();
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [evidence, setEvidence] = useState('');
  const submit = useSubmit(
    async () => {
      if (chosen.size === 0) throw new ApiError({ type: 'urn:ringfence:problem:validation', title: 'Invalid request', status: 400, detail: 'Choose at least one course', field: 'courseId' });
      for (const courseId of chosen) await unwrap(api.POST('/api/training/completions', { body: { userId: person.userId, courseId, completedOn, evidence } }));
      return chosen.size;
    },
    (count) => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: ['training'] });
      toast('success', `${count} ${count === 1 ? 'course' : 'courses'} recorded for ${person.displayName}.`);
      onClose();
    },
  );
  return (
    <Dialog title={`Record training for ${person.displayName}`} open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <fieldset>
          <legend>Courses completed</legend>
          {(courses.data?.items ?? []).map((c) => (
            <Checkbox
              key={c.id}
              label={`${c.name}${person.lacking.includes(c.name) ? ' (due)' : ''}`}
              checked={chosen.has(c.id)}
              onChange={toggleChosen(c.id)}
            />
          ))}
          <InlineError message={submit.fieldErrors.courseId} />
        </fieldset>
        <TextField label="Completed on" name="completedOn" type="date" value={completedOn} max={todayIso()} error={submit.fieldErrors.completedOn} onChange={(e) => setCompletedOn(e.target.value)} />
        <TextField label="Evidence (attestation or certificate)" name="evidence" value={evidence} maxLength={2000} error={submit.fieldErrors.evidence} onChange={(e) => setEvidence(e.target.value)} />
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Record
        </FormFooter>
      </form>
    </Dialog>
  );
}

type ImportPreview = TrainingImport;

function postCsv(csv: string, dryRun: boolean) {
  return unwrap(
    api.POST('/api/training/import', { params: { query: dryRun ? { dryRun: true } : {} }, ...rawBody(csv, 'text/csv') }),
  );
}

/** Completions from an LMS export: a preview names each bad row; the import takes all rows or none. */
function ImportDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const refresh = useRefreshCompliance();
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const check = useSubmit(async () => postCsv(csv ?? '', true), setPreview);
  const run = useSubmit(
    async () => postCsv(csv ?? '', false),
    (result) => {
      refresh();
      toast('success', `${result.imported} completions imported.`);
      onClose();
    },
  );
  return (
    <Dialog title="Import training completions" open onClose={onClose}>
      <div className="form">
        <p className="hint">A CSV file with a header row: email, course (its key or name), completed_on (YYYY-MM-DD), evidence. Nothing is imported while any row has an error.</p>
        <div className="field">
          <label htmlFor="import-file">CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setPreview(null);
              if (file) void file.text().then(setCsv);
            }}
          />
        </div>
        <FormError message={check.formError ?? run.formError} />
        {preview ? (
          <>
            <p role="status" className={preview.invalid ? 'notice notice-warning' : 'notice'}>
              {preview.valid} {preview.valid === 1 ? 'row' : 'rows'} ready{preview.invalid ? `, ${preview.invalid} with errors: correct the file and check it again` : ''}.
            </p>
            {preview.invalid ? (
              <ul className="import-problems" aria-label="Rows with errors">
                {preview.rows
                  .filter((r) => r.errors.length > 0)
                  .map((r) => (
                    <li key={r.line}>
                      <strong>Line {r.line}</strong> ({r.email || 'no email'}, {r.course || 'no course'}): {r.errors.join('; ')}
                    </li>
                  ))}
              </ul>
            ) : null}
          </>
        ) : null}
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button busy={check.busy} disabled={csv === null} onClick={() => void check.submit()}>
            Check file
          </Button>
          <Button variant="primary" busy={run.busy} disabled={!preview || preview.invalid > 0 || preview.valid === 0} onClick={() => void run.submit()}>
            Import
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** Adds a vendor, or changes one (`vendor`): its services, whether it handles PHI, whose PHI it touches, whether it is still used. */
function VendorDialog({ vendor, onClose }: { vendor?: VendorView; onClose: () => void }) {
  const toast = useToast();
  const refresh = useRefreshCompliance();
  const [name, setName] = useState(vendor?.name ?? '');
  const [services, toggleService] = useChosen<(typeof SERVICES)[number]>(vendor?.services ?? []);
  const [handlesPhi, setHandlesPhi] = useState(vendor?.handlesPhi ?? true);
  const [allClients, setAllClients] = useState(vendor ? vendor.clientIds === null : true);
  const [chosen, toggleChosen] = useChosen<string>(vendor?.clientIds ?? []);
  const [active, setActive] = useState(vendor ? vendor.status === 'active' : true);
  const clients = useClients();
  const submit = useSubmit(
    () => {
      const body = { name, services: [...services], handlesPhi, clientIds: allClients ? null : [...chosen] };
      return vendor
        ? unwrap(api.PATCH('/api/vendors/{id}', { params: { path: { id: vendor.id } }, body: { ...body, status: active ? 'active' : 'inactive' } }))
        : unwrap(api.POST('/api/vendors', { body }));
    },
    (saved) => {
      refresh();
      toast('success', vendor ? `${saved.name} saved.` : saved.handlesPhi ? `${saved.name} added: record its BAA before it carries PHI.` : `${saved.name} added.`);
      onClose();
    },
  );
  return (
    <Dialog title={vendor ? `Vendor · ${vendor.name}` : 'Add a vendor'} open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <TextField label="Name" name="name" value={name} maxLength={120} error={submit.fieldErrors.name} onChange={(e) => setName(e.target.value)} />
        <fieldset>
          <legend>Services</legend>
          <div className="checkbox-row">
            {SERVICES.map((s) => (
              <Checkbox
                key={s}
                label={s}
                checked={services.has(s)}
                onChange={toggleService(s)}
              />
            ))}
          </div>
          <InlineError message={submit.fieldErrors.services} />
        </fieldset>
        <Checkbox label="Handles PHI (needs a BAA)" checked={handlesPhi} onChange={(e) => setHandlesPhi(e.target.checked)} />
        <fieldset>
          <legend>Whose PHI it touches</legend>
          <Checkbox label="Every client (hosting, telephony)" checked={allClients} onChange={(e) => setAllClients(e.target.checked)} />
          {allClients ? null : (
            <div className="checkbox-row">
              {(clients.data?.items ?? []).map((c) => (
                <Checkbox
                  key={c.id}
                  label={c.name}
                  checked={chosen.has(c.id)}
                  onChange={toggleChosen(c.id)}
                />
              ))}
            </div>
          )}
          <InlineError message={submit.fieldErrors.clientIds} />
        </fieldset>
        {vendor ? <Checkbox label="Still in use (an inactive vendor carries nothing)" checked={active} onChange={(e) => setActive(e.target.checked)} /> : null}
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          {vendor ? 'Save' : 'Add vendor'}
        </FormFooter>
      </form>
    </Dialog>
  );
}
