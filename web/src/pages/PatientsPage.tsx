import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useClients, useCurrentClient, usePracticeLink } from '../api/queries';
import type { PatientMatch, PatientSearch, PracticeMatch, RevealPurpose } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { ClientPicker } from '../ui/ClientPicker';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { EmptyState, ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { fieldErrorsOf, useFormProblem, useSubmit } from '../ui/useSubmit';
import { PatientForm, emptyPatientForm, patientFormBody, type PatientFormState } from './PatientForm';
import { PURPOSES, RevealedValues, SOURCES, type PatientField } from './patient-fields';
import { formatDay } from '../client-time';
import { BreakGlassButton } from './BreakGlass';

type SearchKind = 'phone' | 'mrn' | 'name' | 'ref';
const KINDS: { kind: SearchKind; label: string }[] = [
  { kind: 'phone', label: 'Phone' },
  { kind: 'mrn', label: 'MRN' },
  { kind: 'name', label: 'Name + date of birth' },
  { kind: 'ref', label: 'Reference' },
];

/**
 * The patient directory of one client: find a patient by phone, MRN, name and date of birth,
 * or reference; add one; look them up in the practice's system. Lists show references only.
 */
export function PatientsPage() {
  const { can } = useSession();
  const clients = useClients();
  const [clientId, setClientId] = useCurrentClient();
  const [adding, setAdding] = useState(false);
  if (!can('read', 'Patient') && !can('create', 'Patient')) return <NoAccess what="the patient directory" />;
  const clientItems = clients.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Patients"
        description="Each client’s directory, encrypted under its own key. Find a patient to get their reference; names and numbers show only when you reveal them, and every reveal is logged."
        actions={
          <>
            {can('read', 'Patient') ? <BreakGlassButton /> : null}
            {can('create', 'Patient') && clientId ? (
              <Button variant="primary" onClick={() => setAdding(true)}>
                Add patient
              </Button>
            ) : null}
          </>
        }
      />
      {clients.isPending ? (
        <Loading />
      ) : clientItems.length === 0 ? (
        <EmptyState title="No clients assigned">You are not assigned to any client yet. Ask your supervisor to assign you one.</EmptyState>
      ) : (
        <>
          <ClientPicker value={clientId} onChange={setClientId} />
          {clientId ? <DirectorySearch clientId={clientId} key={clientId} /> : null}
          {clientId && can('create', 'Patient') ? <PracticeSearch clientId={clientId} key={`practice-${clientId}`} /> : null}
        </>
      )}
      {adding && clientId ? <AddPatientDialog clientId={clientId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function DirectorySearch({ clientId }: { clientId: string }) {
  const [kind, setKind] = useState<SearchKind>('phone');
  const [form, setForm] = useState({ phone: '', mrn: '', family: '', given: '', dateOfBirth: '', ref: '' });
  const search = useMutation({
    mutationFn: (body: PatientSearch) => unwrap(api.POST('/api/patients/search', { body })),
  });
  const body = (): PatientSearch => {
    if (kind === 'phone') return { clientId, phone: form.phone };
    if (kind === 'mrn') return { clientId, mrn: form.mrn };
    if (kind === 'ref') return { clientId, ref: form.ref };
    return { clientId, family: form.family, ...(form.given.trim() ? { given: form.given } : {}), dateOfBirth: form.dateOfBirth };
  };
  const formRef = useRef<HTMLFormElement>(null);
  const fieldErrors = fieldErrorsOf(search.error);
  const problem = useFormProblem(search.error, formRef);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card" aria-labelledby="find-patient">
      <h2 id="find-patient">Find a patient</h2>
      <div className="segmented" role="radiogroup" aria-label="Find by">
        {KINDS.map((k) => (
          <label key={k.kind} className={kind === k.kind ? 'active' : undefined}>
            <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
            {k.label}
          </label>
        ))}
      </div>
      <form
        className="search-row"
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          search.mutate(body());
        }}
        noValidate
      >
        {kind === 'phone' ? (
          <TextField label="Phone number" name="phone" inputMode="tel" autoComplete="off" autoFocus hint="Any format: 555-010-0187, (555) 010 0187, +1…" value={form.phone} error={fieldErrors.phone} onChange={set('phone')} />
        ) : null}
        {kind === 'mrn' ? <TextField label="Medical record number" name="mrn" autoComplete="off" autoFocus value={form.mrn} error={fieldErrors.mrn} onChange={set('mrn')} /> : null}
        {kind === 'ref' ? <TextField label="Patient reference" name="ref" autoComplete="off" autoFocus placeholder="P-7F3K2Q" value={form.ref} error={fieldErrors.ref} onChange={set('ref')} /> : null}
        {kind === 'name' ? (
          <>
            <TextField label="Family name" name="family" autoComplete="off" autoFocus value={form.family} error={fieldErrors.family} onChange={set('family')} />
            <TextField label="Given name" name="given" autoComplete="off" hint="Optional" value={form.given} error={fieldErrors.given} onChange={set('given')} />
            <TextField label="Date of birth" name="dateOfBirth" type="date" value={form.dateOfBirth} error={fieldErrors.dateOfBirth} onChange={set('dateOfBirth')} />
          </>
        ) : null}
        <Button type="submit" variant="primary" busy={search.isPending}>
          Search
        </Button>
      </form>
      <FormError message={problem} />
      {search.data ? <SearchResults items={search.data.items} /> : null}
    </section>
  );
}

function SearchResults({ items }: { items: PatientMatch[] }) {
  return (
    <div className="results">
      <DataTable
        caption="Matching patients"
        rows={items}
        rowKey={(p) => p.id}
        empty={<EmptyState title="No patient found">Check the number or spelling, or add the patient.</EmptyState>}
        columns={[
          {
            key: 'ref',
            header: 'Reference',
            render: (p) => (
              <Link className="ref" to={`/patients/${p.id}`}>
                {p.ref}
              </Link>
            ),
          },
          {
            key: 'match',
            header: 'Match',
            render: (p) => (p.match === 'exact' ? <span className="badge badge-success">Exact</span> : <span className="badge badge-warning">Family name and birth date only</span>),
          },
          { key: 'status', header: 'Status', render: (p) => (p.status === 'merged' ? <span className="badge">Merged into {p.mergedIntoRef}</span> : <span className="badge badge-info">Active</span>) },
          { key: 'source', header: 'Source', render: (p) => SOURCES[p.source] },
          { key: 'created', header: 'Added', render: (p) => <span className="nowrap">{formatDay(p.createdAt)}</span> },
        ]}
      />
    </div>
  );
}

function AddPatientDialog({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [form, setForm] = useState<PatientFormState>(emptyPatientForm());
  const submit = useSubmit(
    () => unwrap(api.POST('/api/patients', { body: { clientId, ...patientFormBody(form, null) } as never })),
    (created) => {
      const dupes = created.possibleDuplicates.map((d) => d.ref).join(', ');
      toast('success', dupes ? `${created.patient.ref} was added. Possible duplicates: ${dupes}` : `${created.patient.ref} was added`);
      navigate(`/patients/${created.patient.id}`);
    },
  );
  return (
    <Dialog title="Add a patient" open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <PatientForm form={form} setForm={setForm} errors={submit.fieldErrors} clientId={clientId} actions={['create']} />
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Add patient
        </FormFooter>
      </form>
    </Dialog>
  );
}

/** Search the client's practice system (FHIR) and import or open what it finds. Only shown when the client has a link. */
function PracticeSearch({ clientId }: { clientId: string }) {
  const link = usePracticeLink(clientId);
  const [form, setForm] = useState({ mrn: '', phone: '', family: '', given: '', birthDate: '', purpose: 'intake' as RevealPurpose });
  const [results, setResults] = useState<PracticeMatch[] | null>(null);
  const navigate = useNavigate();
  const toast = useToast();
  const search = useSubmit(
    () =>
      unwrap(
        api.POST('/api/patients/practice-search', {
          body: {
            clientId,
            purpose: form.purpose,
            ...(form.mrn.trim() ? { identifier: { value: form.mrn.trim() } } : {}),
            ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
            ...(form.family.trim() ? { family: form.family.trim() } : {}),
            ...(form.given.trim() ? { given: form.given.trim() } : {}),
            ...(form.birthDate ? { birthDate: form.birthDate } : {}),
          },
        }),
      ),
    (found) => setResults(found.items),
  );
  const importRecord = useMutation({
    mutationFn: (fhirId: string) => unwrap(api.POST('/api/patients/practice-import', { body: { clientId, fhirId } })),
    onSuccess: (patient) => {
      toast('success', `Imported as ${patient.ref}`);
      navigate(`/patients/${patient.id}`);
    },
  });
  useEffect(() => setResults(null), [clientId]);
  if (!link.data) return null;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <section className="card" aria-labelledby="practice-search">
      <h2 id="practice-search">Search the practice system</h2>
      <p className="muted">Looks the patient up in the practice’s own records ({new URL(link.data.baseUrl).host}). What it shows is logged as a PHI read.</p>
      <form className="search-row wrap" onSubmit={search.submit} noValidate>
        <TextField label="MRN" name="practice-mrn" autoComplete="off" value={form.mrn} error={search.fieldErrors.identifier} onChange={set('mrn')} />
        <TextField label="Phone" name="practice-phone" autoComplete="off" value={form.phone} error={search.fieldErrors.phone} onChange={set('phone')} />
        <TextField label="Family name" name="practice-family" autoComplete="off" value={form.family} error={search.fieldErrors.family} onChange={set('family')} />
        <TextField label="Given name" name="practice-given" autoComplete="off" value={form.given} onChange={set('given')} />
        <TextField label="Birth date" name="practice-birth" type="date" value={form.birthDate} error={search.fieldErrors.birthDate} onChange={set('birthDate')} />
        <SelectField label="Purpose" value={form.purpose} onChange={set('purpose')}>
          {PURPOSES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={search.busy}>
          Search practice
        </Button>
      </form>
      <FormError message={search.formError} />
      {importRecord.error ? <ErrorNotice error={importRecord.error} /> : null}
      {results ? (
        results.length === 0 ? (
          <EmptyState title="The practice has no such patient" />
        ) : (
          <ul className="practice-results">
            {results.map((r) => (
              <li key={r.fhirId} className="card">
                <RevealedValues values={r.fields} fields={(['name', 'dateOfBirth', 'phones', 'mrn'] as PatientField[]).filter((f) => r.fields[f] !== undefined)} />
                {r.linked ? (
                  <Link className="btn btn-secondary" to={`/patients/${r.linked.id}`}>
                    Open {r.linked.ref}
                  </Link>
                ) : (
                  <Button busy={importRecord.isPending && importRecord.variables === r.fhirId} onClick={() => importRecord.mutate(r.fhirId)}>
                    Import into directory
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
