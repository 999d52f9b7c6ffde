import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients, useCurrentClient, useLiveTasks } from '../api/queries';
import type { AttemptBody, PatientFieldValues, TaskView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { ClientPicker } from '../ui/ClientPicker';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { overridesFor, PhiTextField, type PhiOverrideMark } from '../ui/PhiTextField';
import { EmptyState, ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { RevealedValues } from './patient-fields';
import { AttemptHistory, OUTCOMES, when } from './task-parts';

const PRIORITY_LABELS = { emergent: 'Emergent', urgent: 'Urgent', routine: 'Routine' } as const;
const REASONS = [
  ['refill', 'Refill'],
  ['appointment', 'Appointment'],
  ['results', 'Results'],
  ['billing', 'Billing'],
  ['clinical', 'Clinical'],
  ['other', 'Other'],
] as const;
const RESOLUTIONS = [
  ['resolved', 'Resolved'],
  ['information_given', 'Information given'],
  ['appointment_made', 'Appointment made'],
  ['refill_sent', 'Refill sent'],
  ['transferred', 'Transferred'],
  ['other', 'Other'],
] as const;

function Due({ task }: { task: TaskView }) {
  return <span className={task.overdue ? 'badge badge-danger' : 'muted'}>{task.overdue ? `Overdue since ${when(task.dueAt)}` : `Due ${when(task.dueAt)}`}</span>;
}

/** Keys that are not typed into a field. */
function useKeys(handlers: Record<string, () => void>) {
  // The latest handlers, read at key time: the listener is added once, not on every render.
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey || document.querySelector('dialog[open]')) return;
      const fn = current.current[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * The agent console: my callbacks and the client's queue, "next callback" with one key (n),
 * intake with another (i), and the task being worked: contact revealed on demand (logged),
 * the client's voicemail script, attempts by outcome button or digit key, completion with a
 * follow-up. Lists carry patient references only.
 */
export function CallbacksPage() {
  const { can } = useSession();
  const [clientId, setClientId] = useCurrentClient();
  useLiveTasks();
  const [selected, setSelected] = useState<string | null>(null);
  const [intake, setIntake] = useState(false);
  const toast = useToast();
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['tasks', 'mine'],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { assignee: 'me', status: ['claimed'], limit: 50 } } })),
    refetchInterval: 30_000,
  });
  const queue = useQuery({
    queryKey: ['tasks', 'queue', clientId],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { clientId: clientId!, status: ['open', 'waiting', 'escalated'], limit: 50 } } })),
    enabled: !!clientId,
    refetchInterval: 30_000,
  });
  const claim = useMutation({
    mutationFn: async () => {
      const { data, response } = await api.POST('/api/tasks/claim-next', { body: clientId ? { clientId } : {} });
      if (response.status === 204) return null;
      return unwrap(Promise.resolve({ data, response }));
    },
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['task'] });
      if (task) setSelected(task.id);
      else toast('info', 'Nothing is waiting in your queues right now');
    },
  });
  useKeys({ n: () => claim.mutate(), i: () => setIntake(true) });
  if (!can('read', 'Task')) return <NoAccess what="callbacks" />;
  return (
    <>
      <PageHeader
        title="Callbacks"
        description="Work the most urgent callback first. Names and numbers show only when you reveal them; every reveal is logged."
        actions={
          <>
            {can('create', 'Task') ? (
              <Button onClick={() => setIntake(true)}>
                New intake <span className="kbd">i</span>
              </Button>
            ) : null}
            {can('update', 'Task') ? (
              <Button variant="primary" busy={claim.isPending} onClick={() => claim.mutate()}>
                Next callback <span className="kbd">n</span>
              </Button>
            ) : null}
          </>
        }
      />
      <ClientPicker value={clientId} onChange={setClientId} className="narrow" />
      {claim.error ? <ErrorNotice error={claim.error} /> : null}
      <div className="console">
        <div className="console-lists">
          <section className="card" aria-labelledby="mine-title">
            <h2 id="mine-title">My callbacks</h2>
            {mine.isLoading ? <Loading /> : mine.error ? <ErrorNotice error={mine.error} /> : <TaskList caption="My callbacks" tasks={mine.data?.items ?? []} onOpen={setSelected} empty="Press n for the next callback." />}
          </section>
          <section className="card" aria-labelledby="queue-title">
            <h2 id="queue-title">Waiting</h2>
            {queue.isLoading ? <Loading /> : queue.error ? <ErrorNotice error={queue.error} /> : <TaskList caption="Waiting callbacks" tasks={queue.data?.items ?? []} onOpen={setSelected} empty="No callbacks are waiting." />}
          </section>
        </div>
        <div className="console-task">{selected ? <TaskPanel key={selected} id={selected} onClosed={() => setSelected(null)} /> : <EmptyState title="No callback open">Take the next one with n, or pick one from a list.</EmptyState>}</div>
      </div>
      {intake && clientId ? (
        <IntakeDialog
          clientId={clientId}
          onClose={() => setIntake(false)}
          onCreated={(task) => {
            setIntake(false);
            setSelected(task.id);
          }}
        />
      ) : null}
    </>
  );
}

function TaskList({ caption, tasks, onOpen, empty }: { caption: string; tasks: TaskView[]; onOpen: (id: string) => void; empty: string }) {
  return (
    <DataTable
      caption={caption}
      rows={tasks}
      rowKey={(t) => t.id}
      empty={<p className="muted">{empty}</p>}
      columns={[
        { key: 'priority', header: 'Priority', render: (t) => <span className={`badge badge-${t.priority}`}>{PRIORITY_LABELS[t.priority]}</span> },
        {
          key: 'title',
          header: 'Callback',
          render: (t) => (
            <button type="button" className="link-button" onClick={() => onOpen(t.id)}>
              {t.title}
            </button>
          ),
        },
        { key: 'ref', header: 'Patient', render: (t) => <code>{t.patientRef}</code> },
        { key: 'due', header: 'Due', render: (t) => <Due task={t} /> },
        { key: 'status', header: 'Status', render: (t) => `${t.status}${t.attemptCount ? ` · ${t.attemptCount} tries` : ''}` },
      ]}
    />
  );
}

/** One task: contact on demand, the voicemail script, attempts, completion. */
function TaskPanel({ id, onClosed }: { id: string; onClosed: () => void }) {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['task', id], queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id } } })) });
  const clients = useClients();
  const reveal = useMutation({
    mutationFn: (patientId: string) => unwrap(api.POST('/api/patients/{id}/reveal', { params: { path: { id: patientId } }, body: { fields: ['name', 'phones', 'callbackWindow'], purpose: 'callback' } })),
  });
  if (detail.isLoading) return <Loading />;
  if (detail.error || !detail.data) return <ErrorNotice error={detail.error} />;
  const { task, attempts } = detail.data;
  const script = clients.data?.items.find((c) => c.id === task.clientId)?.voicemailScript;
  const workable = task.status === 'claimed' && task.assigneeId === me.user.id;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['task', id] });
  };
  return (
    <section className="card task-panel" aria-labelledby="task-title">
      <h2 id="task-title">{task.title}</h2>
      <p>
        <span className={`badge badge-${task.priority}`}>{PRIORITY_LABELS[task.priority]}</span> <code>{task.patientRef}</code> · {task.reasonCode} · <Due task={task} /> · {task.status}
      </p>
      {task.note ? <p className="task-note">{task.note}</p> : null}
      {task.incidentFlag ? (
        <p className="notice notice-warning" role="status">
          Details were given to a wrong number: open an incident?
        </p>
      ) : null}
      <div className="task-contact">
        <h3>Contact</h3>
        {reveal.data ? (
          <>
            <RevealedValues values={reveal.data.fields as PatientFieldValues} fields={['name', 'phones', 'callbackWindow']} />
            <p className="muted small" role="status">
              Revealed for a callback. This was logged.
            </p>
          </>
        ) : (
          <Button onClick={() => reveal.mutate(task.patientId)} busy={reveal.isPending}>
            Reveal contact
          </Button>
        )}
        {reveal.error ? <ErrorNotice error={reveal.error} /> : null}
      </div>
      {script ? (
        <div>
          <h3>Voicemail script</h3>
          <blockquote className="script">{script}</blockquote>
        </div>
      ) : null}
      {workable ? <AttemptForm task={task} onDone={refresh} /> : null}
      {workable ? (
        <CompleteForm
          task={task}
          onDone={() => {
            refresh();
            onClosed();
          }}
        />
      ) : null}
      <h3>Attempts</h3>
      <AttemptHistory attempts={attempts} agentName={(id) => (id !== null && id === me.user.id ? 'you' : null)} />
    </section>
  );
}

function AttemptForm({ task, onDone }: { task: TaskView; onDone: () => void }) {
  const [channel, setChannel] = useState<AttemptBody['channel']>('phone');
  const [note, setNote] = useState('');
  const [detailsGiven, setDetailsGiven] = useState(false);
  const [overrides, setOverrides] = useState<PhiOverrideMark[]>([]);
  const toast = useToast();
  const [outcome, setOutcome] = useState<AttemptBody['outcome'] | null>(null);
  // The outcome button pressed: read by the submit it starts, in the same event.
  const pressed = useRef<AttemptBody['outcome']>('no_answer');
  const submit = useSubmit(
    async () => {
      const text = note.trim();
      const outcome = pressed.current;
      const body: AttemptBody = {
        channel,
        outcome,
        ...(outcome === 'wrong_number' ? { disclosure: detailsGiven ? 'details_given' : 'none' } : {}),
        ...(text ? { note: text, phiOverrides: await overridesFor('note', text, overrides) } : {}),
      };
      return unwrap(api.POST('/api/tasks/{id}/attempts', { params: { path: { id: task.id } }, body }));
    },
    (result) => {
      setNote('');
      setOverrides([]);
      toast('success', `Attempt ${result.attempt.number} logged: the callback is now ${result.task.status}`);
      onDone();
    },
  );
  const log = (value: AttemptBody['outcome']) => {
    pressed.current = value;
    setOutcome(value);
    void submit.submit();
  };
  useKeys(Object.fromEntries(OUTCOMES.map(([value], i) => [String(i + 1), () => log(value)])));
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-labelledby="attempt-title" noValidate>
      <h3 id="attempt-title">Log an attempt</h3>
      <SelectField label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as AttemptBody['channel'])}>
        <option value="phone">Phone</option>
        <option value="sms">SMS</option>
        <option value="voicemail">Voicemail</option>
        <option value="portal">Portal</option>
      </SelectField>
      <PhiTextField label="Note (no PHI)" name="note" value={note} onChange={setNote} overrides={overrides} onOverridesChange={setOverrides} error={submit.fieldErrors.note} rows={2} maxLength={1000} />
      <label className="checkbox">
        <input type="checkbox" checked={detailsGiven} onChange={(e) => setDetailsGiven(e.target.checked)} /> For a wrong number: I had given details before I knew
      </label>
      <div className="outcomes" role="group" aria-label="Outcome">
        {OUTCOMES.map(([value, label], i) => (
          <Button key={value} small onClick={() => log(value)} busy={submit.busy && outcome === value}>
            {label} <span className="kbd">{i + 1}</span>
          </Button>
        ))}
      </div>
      <FormError message={submit.formError} />
    </form>
  );
}

function CompleteForm({ task, onDone }: { task: TaskView; onDone: () => void }) {
  const [resolution, setResolution] = useState<(typeof RESOLUTIONS)[number][0]>('resolved');
  const [followUp, setFollowUp] = useState(false);
  const [title, setTitle] = useState('');
  const [overrides, setOverrides] = useState<PhiOverrideMark[]>([]);
  const toast = useToast();
  const submit = useSubmit(
    async () => {
      const text = title.trim();
      return unwrap(
        api.POST('/api/tasks/{id}/complete', {
          params: { path: { id: task.id } },
          body: {
            resolution,
            ...(followUp ? { followUp: { reasonCode: task.reasonCode as 'refill', priority: 'routine', title: text }, phiOverrides: await overridesFor('followUp.title', text, overrides) } : {}),
          },
        }),
      );
    },
    (result) => {
      toast('success', result.followUp ? `Completed; follow-up created for ${result.followUp.patientRef}` : 'Completed');
      onDone();
    },
  );
  return (
    <form className="form" onSubmit={submit.submit} aria-labelledby="complete-title" noValidate>
      <h3 id="complete-title">Complete</h3>
      <SelectField label="Resolution" value={resolution} onChange={(e) => setResolution(e.target.value as typeof resolution)}>
        {RESOLUTIONS.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" checked={followUp} onChange={(e) => setFollowUp(e.target.checked)} /> Create a follow-up for the same patient
      </label>
      {followUp ? (
        <PhiTextField label="Follow-up (no PHI)" name="followUpTitle" value={title} onChange={setTitle} overrides={overrides} onOverridesChange={setOverrides} error={submit.fieldErrors['followUp.title']} rows={1} maxLength={200} />
      ) : null}
      <FormFooter error={submit.formError} busy={submit.busy}>
        Complete callback
      </FormFooter>
    </form>
  );
}

/**
 * Intake while the caller is on the line: find the patient by phone or add them, then reason,
 * priority and a PHI-free title and note. The keyboard reaches every field in order.
 */
function IntakeDialog({ clientId, onClose, onCreated }: { clientId: string; onClose: () => void; onCreated: (task: TaskView) => void }) {
  const queues = useQuery({ queryKey: ['queues', clientId], queryFn: () => unwrap(api.GET('/api/queues', { params: { query: { clientId, status: 'active' } } })) });
  const [phone, setPhone] = useState('');
  const [patient, setPatient] = useState<{ id: string; ref: string } | null>(null);
  const [given, setGiven] = useState('');
  const [family, setFamily] = useState('');
  const [form, setForm] = useState({ queueId: '', reasonCode: 'refill' as (typeof REASONS)[number][0], priority: 'routine' as 'emergent' | 'urgent' | 'routine', title: '', note: '' });
  const [titleMarks, setTitleMarks] = useState<PhiOverrideMark[]>([]);
  const [noteMarks, setNoteMarks] = useState<PhiOverrideMark[]>([]);
  const queryClient = useQueryClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  // After a lookup the caret goes where the agent types next: the reason for a known caller,
  // the caller's name for a new one.
  const focusField = (name: string) => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[name="${name}"]`)?.focus());
  const lookup = useMutation({
    mutationFn: () => unwrap(api.POST('/api/patients/search', { body: { clientId, phone } })),
    onSuccess: (found) => {
      const first = found.items[0];
      setPatient(first ? { id: first.id, ref: first.ref } : null);
      focusField(first ? 'reasonCode' : 'given');
    },
  });
  const queueId = form.queueId || queues.data?.items[0]?.id || '';
  const submit = useSubmit(
    async () => {
      const title = form.title.trim();
      const note = form.note.trim();
      const who = patient ? { patientId: patient.id } : { newPatient: { name: { given: given.trim(), family: family.trim() }, ...(phone.trim() ? { phones: [{ number: phone.trim(), type: 'mobile' as const }] } : {}) } };
      const phiOverrides = [...(await overridesFor('title', title, titleMarks)), ...(note ? await overridesFor('note', note, noteMarks) : [])];
      return unwrap(
        api.POST('/api/tasks', {
          body: { clientId, queueId, ...who, reasonCode: form.reasonCode, priority: form.priority, title, ...(note ? { note } : {}), phiOverrides },
        }),
      );
    },
    (task) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      toast('success', `Callback created for ${task.patientRef}`);
      onCreated(task);
    },
  );
  return (
    <Dialog title="New intake" open onClose={onClose}>
      <form
        className="form"
        ref={formRef}
        onSubmit={submit.submit}
        noValidate
        onKeyDown={(e) => {
          // Ctrl+Enter anywhere, or Enter in the one-line title, creates the callback.
          const target = e.target as HTMLElement;
          if (e.key === 'Enter' && !e.nativeEvent.isComposing && (e.ctrlKey || e.metaKey || target.getAttribute('name') === 'title')) {
            e.preventDefault();
            formRef.current?.requestSubmit();
          }
        }}
      >
        <p className="hint">Enter in the phone field finds the caller; Enter in the title (or Ctrl+Enter anywhere) creates the callback.</p>
        <fieldset>
          <legend>Patient</legend>
          <div className="inline-fields">
            <TextField
              label="Caller's phone"
              name="phone"
              autoFocus
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
                e.preventDefault();
                if (phone.trim()) lookup.mutate();
              }}
            />
            <Button onClick={() => lookup.mutate()} busy={lookup.isPending} disabled={!phone.trim()}>
              Find
            </Button>
          </div>
          {lookup.isSuccess ? (
            patient ? (
              <p role="status">
                Found <code>{patient.ref}</code>.{' '}
                <button type="button" className="link-button" onClick={() => setPatient(null)}>
                  Not this patient
                </button>
              </p>
            ) : (
              <p role="status" className="muted">
                No patient with this number: add them below.
              </p>
            )
          ) : null}
          {!patient ? (
            <div className="inline-fields">
              <TextField label="Given name" name="given" value={given} onChange={(e) => setGiven(e.target.value)} error={submit.fieldErrors['newPatient.name.given']} />
              <TextField label="Family name" name="family" value={family} onChange={(e) => setFamily(e.target.value)} error={submit.fieldErrors['newPatient.name.family'] ?? submit.fieldErrors.patientId} />
            </div>
          ) : null}
        </fieldset>
        <div className="inline-fields">
          <SelectField label="Queue" value={queueId} error={submit.fieldErrors.queueId} onChange={(e) => setForm({ ...form, queueId: e.target.value })}>
            {(queues.data?.items ?? []).map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Reason" name="reasonCode" value={form.reasonCode} error={submit.fieldErrors.reasonCode} onChange={(e) => setForm({ ...form, reasonCode: e.target.value as typeof form.reasonCode })}>
            {REASONS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" name="priority" value={form.priority} onChange={(e) => setForm({ ...form, priority: e.target.value as typeof form.priority })}>
            <option value="routine">Routine</option>
            <option value="urgent">Urgent</option>
            <option value="emergent">Emergent</option>
          </SelectField>
        </div>
        <PhiTextField label="Title (no PHI)" name="title" value={form.title} onChange={(title) => setForm({ ...form, title })} overrides={titleMarks} onOverridesChange={setTitleMarks} error={submit.fieldErrors.title} rows={1} maxLength={200} />
        <PhiTextField
          label="Note (no PHI)"
          name="note"
          value={form.note}
          onChange={(note) => setForm({ ...form, note })}
          overrides={noteMarks}
          onOverridesChange={setNoteMarks}
          error={submit.fieldErrors.note}
          hint="Refer to the patient by reference; names and numbers belong in the patient record"
          maxLength={2000}
        />
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Create callback
        </FormFooter>
      </form>
    </Dialog>
  );
}
