import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { PatientFieldValues, PatientSummary, RevealPurpose } from '../api/types';
import { useHideRevealed } from '../privacy';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { Dialog } from '../ui/Dialog';
import { Checkbox, SelectField, TextField } from '../ui/Field';
import { ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { BreakGlassBanner, useBreakGlass } from './BreakGlass';
import { PageForm } from './TaskPages';
import { useToast } from '../ui/Toasts';
import { useChosen } from '../ui/useChosen';
import { useSubmit } from '../ui/useSubmit';
import { PatientForm, patientFormBody, patientFormFrom, useEditableFields, type PatientFormState } from './PatientForm';
import { DataTable } from '../ui/DataTable';
import { IntakeDialog } from './IntakeDialog';
import { CATEGORY_LABELS, FIELDS, PURPOSES, RevealedValues, SOURCES, type PatientField } from './patient-fields';
import { Due, PRIORITY_LABELS, reasonLabel, statusText, useClientZone, when } from './task-parts';
import { formatDay } from '../client-time';

/** One patient: reference and status, PHI revealed field by field with a purpose, edit and merge. */
export function PatientPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const clients = useClients();
  const glass = useBreakGlass(can('read', 'Patient'));
  const patient = useQuery({ queryKey: ['patient', id], queryFn: () => unwrap(api.GET('/api/patients/{id}', { params: { path: { id } } })) });
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  if (patient.isPending) return <Loading />;
  if (patient.isError) return <ErrorNotice error={patient.error} />;
  const p = patient.data;
  // A patient opened through break-glass is of a client the person does not list: its name comes with the grant's list.
  const clientName = clients.data?.items.find((c) => c.id === p.clientId)?.name ?? glass.data?.clients.find((c) => c.clientId === p.clientId)?.clientName ?? 'Client';
  const active = p.status === 'active';
  return (
    <>
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> / {clientName}
      </p>
      <BreakGlassBanner patientId={p.id} />
      <PageHeader
        title={p.ref}
        description={`${SOURCES[p.source]} · added ${when(p.createdAt)} · updated ${when(p.updatedAt)}`}
        actions={
          <>
            {active ? (
              <>
                <Link className="btn btn-secondary" to={`/patients/${p.id}/timeline`}>
                  Timeline
                </Link>
                {can('update', 'Patient') ? <Button onClick={() => setEditing(true)}>Edit details</Button> : null}
                {can('manage', 'Patient') ? <Button onClick={() => setMerging(true)}>Merge a duplicate</Button> : null}
              </>
            ) : null}
            {/* Who saw this patient's information: for whoever reads the audit trail, merged records included. */}
            {can('read', 'AuditEvent') ? (
              <Link className="btn btn-secondary" to={`/patients/${p.id}/access`}>
                Access history
              </Link>
            ) : null}
          </>
        }
      />
      {!active ? (
        <div className="notice notice-warning" role="status">
          This record was merged into <strong className="ref">{p.mergedIntoRef}</strong>. Use that reference from now on.
        </div>
      ) : null}
      <RevealCard patient={p} key={p.updatedAt} />
      {can('read', 'Task') ? <PatientCallbacks patient={p} /> : null}
      {active ? <PagePatient patient={p} /> : null}
      {editing ? <EditDialog patient={p} onClose={() => setEditing(false)} /> : null}
      {merging ? <MergeDialog patient={p} onClose={() => setMerging(false)} /> : null}
    </>
  );
}

/** "Page on-call" about this patient without a callback (a provider's question taken on another line, say). */
function PagePatient({ patient }: { patient: PatientSummary }) {
  const { categories } = useSession();
  const [open, setOpen] = useState(false);
  if (!categories(['create'], 'UrgentMessage', patient.clientId).has('operational')) return null;
  return (
    <section className="card" aria-labelledby="page-patient-title">
      <h2 id="page-patient-title">Urgent message</h2>
      <p className="muted">Page the practice's on-call provider about this patient. The page names the practice only; the provider signs in to read it.</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Page on-call
      </Button>
      <Dialog title="Page the on-call provider" open={open} onClose={() => setOpen(false)}>
        {open ? <PageForm about={{ patientId: patient.id, clientId: patient.clientId }} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </section>
  );
}

/**
 * The patient's callbacks, newest first: operational facts only (reason, priority, status, due,
 * received), so listing them reads no PHI. "New callback for this patient" opens intake with
 * the patient already chosen.
 */
function PatientCallbacks({ patient }: { patient: PatientSummary }) {
  const { can } = useSession();
  const zoneOf = useClientZone();
  const [intake, setIntake] = useState(false);
  const tasks = useQuery({
    queryKey: ['tasks', 'patient', patient.id],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { patientId: patient.id, sort: '-createdAt', limit: 50 } } })),
  });
  const zone = zoneOf(patient.clientId);
  return (
    <section className="card" aria-labelledby="patient-callbacks-title">
      <div className="card-header-row">
        <h2 id="patient-callbacks-title">Callbacks</h2>
        {patient.status === 'active' && can('create', 'Task') ? (
          <Button variant="primary" onClick={() => setIntake(true)}>
            New callback for this patient
          </Button>
        ) : null}
      </div>
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorNotice error={tasks.error} />
      ) : (
        <>
          <DataTable
            caption={`Callbacks of ${patient.ref}`}
            rows={tasks.data.items}
            rowKey={(t) => t.id}
            empty={<p className="muted">No callbacks for this patient yet.</p>}
            columns={[
              { key: 'reason', header: 'Reason', render: (t) => reasonLabel(t.reasonCode) },
              { key: 'priority', header: 'Priority', render: (t) => <span className={`badge badge-${t.priority}`}>{PRIORITY_LABELS[t.priority]}</span> },
              { key: 'status', header: 'Status', render: (t) => statusText(t) },
              { key: 'due', header: 'Due', render: (t) => (t.closedAt ? <span className="muted nowrap">Closed {when(t.closedAt, zone)}</span> : <Due task={t} />) },
              { key: 'created', header: 'Received', render: (t) => <span className="nowrap">{when(t.createdAt, zone)}</span> },
            ]}
          />
          {tasks.data.total > tasks.data.items.length ? <p className="muted small">The latest {tasks.data.items.length} of {tasks.data.total}.</p> : null}
        </>
      )}
      {intake ? (
        <IntakeDialog
          clientId={patient.clientId}
          patient={{ id: patient.id, ref: patient.ref }}
          onClose={() => setIntake(false)}
          onCreated={() => setIntake(false)}
        />
      ) : null}
    </section>
  );
}

/** Reveal with a stated purpose: each reveal is a logged PHI read; values stay on screen until hidden. */
function RevealCard({ patient }: { patient: PatientSummary }) {
  const { categories } = useSession();
  const allowed = categories(['read', 'reveal'], 'Patient', patient.clientId, patient.id);
  const present = FIELDS.filter((f) => patient.present.includes(f.field));
  const revealable = present.filter((f) => allowed.has(f.category));
  const [chosen, toggleChosen] = useChosen<PatientField>(revealable.filter((f) => f.category === 'contact').map((f) => f.field));
  const [purpose, setPurpose] = useState<RevealPurpose>('callback');
  const reveal = useMutation({
    mutationFn: (fields: PatientField[]) => unwrap(api.POST('/api/patients/{id}/reveal', { params: { path: { id: patient.id } }, body: { fields, purpose } })),
  });
  useHideRevealed(reveal.reset);
  const shown = reveal.variables ?? [];
  return (
    <section className="card" aria-labelledby="reveal-title">
      <h2 id="reveal-title">Patient details</h2>
      {present.length === 0 ? <p className="muted">This record holds no details.</p> : null}
      {reveal.data ? (
        <>
          <RevealedValues values={reveal.data.fields as PatientFieldValues} fields={shown} />
          <p className="muted small" role="status">
            Revealed for “{PURPOSES.find((x) => x.value === purpose)?.label}”. This was logged.
          </p>
          <Button onClick={() => reveal.reset()}>Hide details</Button>
        </>
      ) : present.length > 0 ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            reveal.mutate(FIELDS.map((f) => f.field).filter((f) => chosen.has(f)));
          }}
        >
          <fieldset>
            <legend>Fields to reveal</legend>
            <div className="check-grid">
              {present.map((f) => (
                <Checkbox
                  key={f.field}
                  label={
                    <>
                      {f.label} <span className="badge">{CATEGORY_LABELS[f.category]}</span>
                      {allowed.has(f.category) ? null : <span className="muted small"> not permitted</span>}
                    </>
                  }
                  disabled={!allowed.has(f.category)}
                  checked={chosen.has(f.field)}
                  onChange={toggleChosen(f.field)}
                />
              ))}
            </div>
          </fieldset>
          <div className="narrow">
            <SelectField label="Purpose" hint="Recorded with the reveal in the audit trail" value={purpose} onChange={(e) => setPurpose(e.target.value as RevealPurpose)}>
              {PURPOSES.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </SelectField>
          </div>
          {reveal.error ? <ErrorNotice error={reveal.error} /> : null}
          <div className="form-actions start">
            <Button type="submit" variant="primary" disabled={chosen.size === 0} busy={reveal.isPending}>
              Reveal {chosen.size === 1 ? '1 field' : `${chosen.size} fields`}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** Edit: the current values are revealed (purpose: correcting the record) to fill the form; only changes are sent. */
function EditDialog({ patient, onClose }: { patient: PatientSummary; onClose: () => void }) {
  const editable = useEditableFields(patient.clientId, ['update']);
  const queryClient = useQueryClient();
  const toast = useToast();
  const toReveal = [...editable].filter((f) => patient.present.includes(f)) as PatientField[];
  const current = useQuery({
    queryKey: ['patient-edit', patient.id],
    queryFn: async (): Promise<PatientFormState> =>
      toReveal.length === 0
        ? patientFormFrom({})
        : patientFormFrom((await unwrap(api.POST('/api/patients/{id}/reveal', { params: { path: { id: patient.id } }, body: { fields: toReveal, purpose: 'record_correction' } }))).fields as PatientFieldValues),
    staleTime: 0,
    gcTime: 0,
  });
  const [form, setForm] = useState<PatientFormState | null>(null);
  const value = form ?? current.data ?? null;
  const submit = useSubmit(
    () => unwrap(api.PATCH('/api/patients/{id}', { params: { path: { id: patient.id } }, body: patientFormBody(value!, current.data!, editable) as never })),
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['patient', patient.id] });
      toast('success', `${saved.ref} was saved`);
      onClose();
    },
  );
  return (
    <Dialog title={`Edit ${patient.ref}`} open onClose={onClose}>
      {current.isPending ? (
        <Loading label="Revealing the current details (logged)…" />
      ) : current.isError ? (
        <ErrorNotice error={current.error} />
      ) : (
        <form className="form" onSubmit={submit.submit} noValidate>
          <PatientForm form={value!} setForm={setForm} errors={submit.fieldErrors} clientId={patient.clientId} actions={['update']} />
          <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
            Save
          </FormFooter>
        </form>
      )}
    </Dialog>
  );
}

/** Merge: find the duplicate by its reference, confirm, and fold it into this record. */
function MergeDialog({ patient, onClose }: { patient: PatientSummary; onClose: () => void }) {
  const [ref, setRef] = useState('');
  const [duplicate, setDuplicate] = useState<PatientSummary | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const find = useSubmit(
    () => unwrap(api.POST('/api/patients/search', { body: { clientId: patient.clientId, ref } })),
    (found) => {
      const match = found.items.find((p) => p.id !== patient.id && p.status === 'active');
      if (!match) find.setFieldErrors({ ref: 'No other active record of this client has that reference' });
      setDuplicate(match ?? null);
    },
  );
  const merge = useSubmit(
    () => unwrap(api.POST('/api/patients/{id}/merge', { params: { path: { id: patient.id } }, body: { duplicateId: duplicate!.id } })),
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['patient'] });
      toast('success', `${duplicate!.ref} was merged into ${saved.ref}`);
      onClose();
      navigate(`/patients/${saved.id}`);
    },
  );
  return (
    <Dialog title={`Merge a duplicate into ${patient.ref}`} open onClose={onClose}>
      {!duplicate ? (
        <form className="form" onSubmit={find.submit} noValidate>
          <p>Enter the reference of the duplicate record. {patient.ref} keeps its details and gains what only the duplicate has; the duplicate’s reference will point here.</p>
          <TextField label="Duplicate’s reference" name="duplicate-ref" placeholder="P-7F3K2Q" autoFocus value={ref} error={find.fieldErrors.ref} onChange={(e) => setRef(e.target.value)} />
          <FormFooter error={find.formError} busy={find.busy} onCancel={onClose}>
            Find record
          </FormFooter>
        </form>
      ) : (
        <form className="form" onSubmit={merge.submit}>
          <p>
            Merge <strong className="ref">{duplicate.ref}</strong> ({SOURCES[duplicate.source]}, added {formatDay(duplicate.createdAt)}) into{' '}
            <strong className="ref">{patient.ref}</strong>? This cannot be undone.
          </p>
          <FormError message={merge.formError} />
          <div className="form-actions">
            <Button onClick={() => setDuplicate(null)}>Back</Button>
            <Button type="submit" variant="danger" busy={merge.busy}>
              Merge records
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
