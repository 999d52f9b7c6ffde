import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { TaskView } from '../api/types';
import { zonedToInstant } from '../client-time';
import { ClientTimeField } from '../ui/ClientTimeField';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { FormError } from '../ui/States';
import { overridesFor, PhiTextField, type PhiOverrideMark } from '../ui/PhiTextField';
import { useToast } from '../ui/Toasts';
import { fieldErrorsOf, useFormProblem, useSubmit } from '../ui/useSubmit';
import { PatientRef, REASONS, PriorityOptions } from './task-parts';

/**
 * Intake while the caller is on the line: find the patient by phone or add them, then reason,
 * priority, the window the patient asked to be called in, and a PHI-free title and note. The
 * keyboard reaches every field in order. Opened from a patient's page, the patient is given.
 */
export function IntakeDialog({ clientId, patient: fixedPatient, onClose, onCreated }: { clientId: string; patient?: { id: string; ref: string }; onClose: () => void; onCreated: (task: TaskView) => void }) {
  const queues = useQuery({ queryKey: ['queues', clientId], queryFn: () => unwrap(api.GET('/api/queues', { params: { query: { clientId, status: 'active' } } })) });
  const [phone, setPhone] = useState('');
  const [patient, setPatient] = useState<{ id: string; ref: string } | null>(fixedPatient ?? null);
  const [given, setGiven] = useState('');
  const [family, setFamily] = useState('');
  const [form, setForm] = useState({ queueId: '', reasonCode: 'refill' as (typeof REASONS)[number][0], priority: 'routine' as 'emergent' | 'urgent' | 'routine', title: '', note: '', after: '', before: '' });
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
  // A refused lookup (no BAA, training lapsed) names no field of this form: it is said under the phone.
  const lookupProblem = useFormProblem(lookup.error, formRef);
  const queueId = form.queueId || queues.data?.items[0]?.id || '';
  // The reasons this client takes calls for (its callback policy), in the usual order.
  const client = useClients().data?.items.find((c) => c.id === clientId);
  const policy = client?.callbackPolicy;
  const timeZone = client?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const reasons = REASONS.filter(([code]) => !policy || policy.reasonCodes.includes(code));
  const reasonCode = reasons.some(([code]) => code === form.reasonCode) ? form.reasonCode : (reasons[0]?.[0] ?? form.reasonCode);
  const submit = useSubmit(
    async () => {
      const title = form.title.trim();
      const note = form.note.trim();
      const who = patient ? { patientId: patient.id } : { newPatient: { name: { given: given.trim(), family: family.trim() }, ...(phone.trim() ? { phones: [{ number: phone.trim(), type: 'mobile' as const }] } : {}) } };
      const phiOverrides = [...(await overridesFor('title', title, titleMarks)), ...(note ? await overridesFor('note', note, noteMarks) : [])];
      // The window is typed on the client's clock and sent as instants.
      const callbackAfter = form.after ? zonedToInstant(form.after, timeZone) : null;
      const callbackBefore = form.before ? zonedToInstant(form.before, timeZone) : null;
      const window = { ...(callbackAfter ? { callbackAfter } : {}), ...(callbackBefore ? { callbackBefore } : {}) };
      return unwrap(
        api.POST('/api/tasks', {
          body: { clientId, queueId, ...who, reasonCode, priority: form.priority, ...window, title, ...(note ? { note } : {}), phiOverrides },
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
        <p className="hint">{fixedPatient ? 'Enter in the title (or Ctrl+Enter anywhere) creates the callback.' : 'Enter in the phone field finds the caller; Enter in the title (or Ctrl+Enter anywhere) creates the callback.'}</p>
        {fixedPatient ? (
          <p role="status">
            For patient <PatientRef value={fixedPatient.ref} />
          </p>
        ) : (
          <fieldset>
            <legend>Patient</legend>
            <div className="inline-fields">
              <TextField
                label="Caller's phone"
                name="phone"
                autoFocus
                value={phone}
                error={fieldErrorsOf(lookup.error).phone}
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
            <FormError message={lookupProblem} />
            {lookup.isSuccess ? (
              patient ? (
                <p role="status">
                  Found <PatientRef value={patient.ref} />.{' '}
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
        )}
        <div className="inline-fields">
          <SelectField
            label="Queue"
            value={queueId}
            error={submit.fieldErrors.queueId ?? (queues.data && queues.data.items.length === 0 ? 'This client has no queue taking callbacks. A supervisor or administrator adds or restores one on the Queues screen.' : undefined)}
            onChange={(e) => setForm({ ...form, queueId: e.target.value })}
          >
            {(queues.data?.items ?? []).map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Reason" name="reasonCode" value={reasonCode} error={submit.fieldErrors.reasonCode} onChange={(e) => setForm({ ...form, reasonCode: e.target.value as typeof form.reasonCode })}>
            {reasons.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" name="priority" value={form.priority} onChange={(e) => setForm({ ...form, priority: e.target.value as typeof form.priority })}>
            <PriorityOptions />
          </SelectField>
        </div>
        <PhiTextField
          label="Title (no PHI)"
          name="title"
          value={form.title}
          onChange={(title) => {
            setForm({ ...form, title });
            submit.dismiss('title');
          }}
          overrides={titleMarks}
          onOverridesChange={setTitleMarks}
          error={submit.fieldErrors.title}
          rows={1}
          maxLength={200}
        />
        <PhiTextField
          label="Note (no PHI)"
          name="note"
          value={form.note}
          onChange={(note) => {
            setForm({ ...form, note });
            submit.dismiss('note');
          }}
          overrides={noteMarks}
          onOverridesChange={setNoteMarks}
          error={submit.fieldErrors.note}
          hint="Refer to the patient by reference; names and numbers belong in the patient record"
          maxLength={2000}
        />
        <div className="inline-fields inline-fields-top" role="group" aria-label="Callback window (optional)">
          <ClientTimeField
            label="Call back after"
            name="callbackAfter"
            value={form.after}
            timeZone={timeZone}
            clientName={client?.name}
            error={submit.fieldErrors.callbackAfter}
            onChange={(after) => {
              setForm({ ...form, after });
              submit.dismiss('callbackAfter');
              submit.dismiss('callbackBefore');
            }}
          />
          <ClientTimeField
            label="Call back before"
            name="callbackBefore"
            value={form.before}
            timeZone={timeZone}
            clientName={client?.name}
            error={submit.fieldErrors.callbackBefore}
            onChange={(before) => {
              setForm({ ...form, before });
              submit.dismiss('callbackBefore');
            }}
          />
        </div>
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Create callback
        </FormFooter>
      </form>
    </Dialog>
  );
}
