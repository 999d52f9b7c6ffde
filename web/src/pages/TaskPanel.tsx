import { useQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { AttemptBody, ClientView, PatientFieldValues, TaskView } from '../api/types';
import { zonedToInstant } from '../client-time';
import { useHideRevealed } from '../privacy';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { SelectField } from '../ui/Field';
import { overridesFor, PhiTextField, type PhiOverrideMark } from '../ui/PhiTextField';
import { ErrorNotice, FormError, Loading } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { ClientTimeField } from '../ui/ClientTimeField';
import { ClinicalMessages } from './ClinicalMessages';
import { TaskPages } from './TaskPages';
import { TaskRecordings } from './TaskRecordings';
import { RevealedValues } from './patient-fields';
import { AttemptHistory, Due, OUTCOMES, PatientRef, PRIORITY_LABELS, REASONS, RESOLUTIONS, reasonLabel, statusText, useKeys, PriorityOptions } from './task-parts';

/** One task: contact on demand, the voicemail script, attempts, completion. */
export function TaskPanel({ id, onClosed }: { id: string; onClosed: () => void }) {
  const { me } = useSession();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['task', id], queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id } } })) });
  const clients = useClients();
  const reveal = useMutation({
    mutationFn: (patientId: string) => unwrap(api.POST('/api/patients/{id}/reveal', { params: { path: { id: patientId } }, body: { fields: ['name', 'phones', 'callbackWindow'], purpose: 'callback' } })),
  });
  useHideRevealed(reveal.reset);
  // The contact stays on screen only while the callback is this agent's to work: once it waits,
  // escalates, is reassigned or closes, what was revealed for it goes.
  const mineNow = detail.data?.task.status === 'claimed' && detail.data.task.assigneeId === me.user.id;
  const wasMine = useRef(false);
  const { reset: resetReveal } = reveal;
  useEffect(() => {
    if (wasMine.current && !mineNow) resetReveal();
    wasMine.current = mineNow;
  }, [mineNow, resetReveal]);
  if (detail.isLoading) return <Loading />;
  if (detail.error || !detail.data) return <ErrorNotice error={detail.error} />;
  const { task, attempts, messages } = detail.data;
  const client = clients.data?.items.find((c) => c.id === task.clientId);
  const script = client?.voicemailScript;
  const youOr = (id: string | null) => (id !== null && id === me.user.id ? 'you' : null);
  const workable = task.status === 'claimed' && task.assigneeId === me.user.id;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['task', id] });
  };
  return (
    <section className="card task-panel" aria-labelledby="task-title">
      <h2 id="task-title">{task.title}</h2>
      <p>
        <span className={`badge badge-${task.priority}`}>{PRIORITY_LABELS[task.priority]}</span> <PatientRef value={task.patientRef} /> · {reasonLabel(task.reasonCode)} · <Due task={task} /> · {statusText(task)}
      </p>
      {task.note ? <p className="task-note">{task.note}</p> : null}
      {task.incidentFlag ? <IncidentFromTask taskId={task.id} /> : null}
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
      <ClinicalMessages task={task} count={messages} authorName={youOr} />
      <TaskPages task={task} timeZone={client?.timeZone} />
      <TaskRecordings task={task} />
      {workable ? <AttemptForm task={task} onDone={refresh} /> : null}
      {workable ? (
        <CompleteForm
          task={task}
          client={client}
          onDone={() => {
            refresh();
            onClosed();
          }}
        />
      ) : null}
      <h3>Attempts</h3>
      <AttemptHistory attempts={attempts} agentName={youOr} />
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
      <PhiTextField
        label="Note (no PHI)"
        name="note"
        value={note}
        onChange={(text) => {
          setNote(text);
          submit.dismiss('note');
        }}
        overrides={overrides} onOverridesChange={setOverrides} error={submit.fieldErrors.note} rows={2} maxLength={1000} />
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

function CompleteForm({ task, client, onDone }: { task: TaskView; client: ClientView | undefined; onDone: () => void }) {
  const [resolution, setResolution] = useState<(typeof RESOLUTIONS)[number][0]>('resolved');
  const [followUp, setFollowUp] = useState(false);
  const [title, setTitle] = useState('');
  const [reasonCode, setReasonCode] = useState(task.reasonCode as (typeof REASONS)[number][0]);
  const [priority, setPriority] = useState<TaskView['priority']>('routine');
  const [after, setAfter] = useState('');
  const [overrides, setOverrides] = useState<PhiOverrideMark[]>([]);
  const toast = useToast();
  const timeZone = client?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const reasons = REASONS.filter(([code]) => !client || client.callbackPolicy.reasonCodes.includes(code));
  const submit = useSubmit(
    async () => {
      const text = title.trim();
      const callbackAfter = after ? zonedToInstant(after, timeZone) : null;
      return unwrap(
        api.POST('/api/tasks/{id}/complete', {
          params: { path: { id: task.id } },
          body: {
            resolution,
            ...(followUp ? { followUp: { reasonCode, priority, title: text, ...(callbackAfter ? { callbackAfter } : {}) }, phiOverrides: await overridesFor('followUp.title', text, overrides) } : {}),
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
        <fieldset>
          <legend>Follow-up</legend>
          <div className="inline-fields">
            <SelectField label="Follow-up reason" name="followUpReason" value={reasonCode} error={submit.fieldErrors['followUp.reasonCode']} onChange={(e) => setReasonCode(e.target.value as typeof reasonCode)}>
              {reasons.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </SelectField>
            <SelectField label="Follow-up priority" name="followUpPriority" value={priority} onChange={(e) => setPriority(e.target.value as typeof priority)}>
              <PriorityOptions />
            </SelectField>
            <ClientTimeField
              label="Call back after"
              name="followUpAfter"
              value={after}
              timeZone={timeZone}
              clientName={client?.name}
              error={submit.fieldErrors['followUp.callbackAfter']}
              onChange={(value) => {
                setAfter(value);
                submit.dismiss('followUp.callbackAfter');
              }}
            />
          </div>
          <PhiTextField
            label="Follow-up (no PHI)"
            name="followUpTitle"
            value={title}
            onChange={(text) => {
              setTitle(text);
              submit.dismiss('followUp.title');
            }}
            overrides={overrides}
            onOverridesChange={setOverrides}
            error={submit.fieldErrors['followUp.title']}
            rows={1}
            maxLength={200}
          />
        </fieldset>
      ) : null}
      <FormFooter error={submit.formError} busy={submit.busy}>
        Complete callback
      </FormFooter>
    </form>
  );
}

/** A wrong number after details were given: one click reports it to compliance, pre-filled from the task. */
function IncidentFromTask({ taskId }: { taskId: string }) {
  const toast = useToast();
  const [reported, setReported] = useState<{ ref: string; existing: boolean } | null>(null);
  const report = useSubmit(
    () => unwrap(api.POST('/api/incidents', { body: { type: 'misdirected_disclosure', taskId, description: 'Callback details were given on a call answered at a wrong number.' } })),
    (r) => {
      setReported(r);
      toast('success', r.existing ? `Already reported as ${r.ref}.` : `Incident ${r.ref} reported to compliance.`);
    },
  );
  return (
    <div className="notice notice-warning" role="status">
      {reported ? (
        <p>
          {reported.existing ? 'This was reported before' : 'Reported'} as incident <strong>{reported.ref}</strong>. Compliance has it: the clock started when you logged the wrong number.
        </p>
      ) : (
        <>
          <p>Details were given to a wrong number: that is a possible breach, and its deadlines started when it was logged.</p>
          <p>
            <Button variant="primary" small busy={report.busy} onClick={(e) => void report.submit(e)}>
              Open an incident
            </Button>
          </p>
          <FormError message={report.formError} />
        </>
      )}
    </div>
  );
}
