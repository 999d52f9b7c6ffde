import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api, unwrap } from '../api/client';
import type { TaskView } from '../api/types';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { overridesFor, PhiTextField, type PhiOverrideMark } from '../ui/PhiTextField';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { REASONS } from './task-parts';

/**
 * Intake while the caller is on the line: find the patient by phone or add them, then reason,
 * priority and a PHI-free title and note. The keyboard reaches every field in order.
 */
export function IntakeDialog({ clientId, onClose, onCreated }: { clientId: string; onClose: () => void; onCreated: (task: TaskView) => void }) {
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
