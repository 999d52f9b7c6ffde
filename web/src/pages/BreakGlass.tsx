import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { TextAreaField } from '../ui/TextAreaField';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';

/** The person's open break-glass grants and the clients a grant may name. */
export function useBreakGlass(enabled = true) {
  return useQuery({ queryKey: ['break-glass'], queryFn: () => unwrap(api.GET('/api/break-glass')), staleTime: 30_000, enabled });
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * "Break the glass": open one patient of a client the person is not assigned to, by its
 * reference, stating why. Limited to 30 minutes, logged, and always seen by compliance.
 */
export function BreakGlassButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Break glass…</Button>
      {open ? <BreakGlassDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function BreakGlassDialog({ onClose }: { onClose: () => void }) {
  const glass = useBreakGlass();
  const navigate = useNavigate();
  const toast = useToast();
  const queries = useQueryClient();
  const [form, setForm] = useState({ clientId: '', patientRef: '', reason: '' });
  const submit = useSubmit(
    () => unwrap(api.POST('/api/break-glass', { body: { clientId: form.clientId, patientRef: form.patientRef.trim(), reason: form.reason } })),
    (grant) => {
      toast('success', `${grant.patientRef} is open to you until ${timeOf(grant.expiresAt)}. Compliance has been told.`);
      void glass.refetch();
      // The person's permissions now include the grant: the patient's screen must know it.
      void queries.invalidateQueries({ queryKey: ['me'] }).then(() => navigate(`/patients/${grant.patientId}`));
    },
  );
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    submit.dismiss(key);
    setForm({ ...form, [key]: e.target.value });
  };
  return (
    <Dialog title="Break glass: open a patient outside your clients" open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <p className="hint">
          For an emergency only: you get this one patient, as your own roles allow, for 30 minutes. The opening is logged with your reason and raises an alert to the compliance
          officer.
        </p>
        <SelectField label="Client" name="clientId" value={form.clientId} onChange={set('clientId')} error={submit.fieldErrors.clientId}>
          <option value="">Choose the patient’s practice…</option>
          {(glass.data?.clients ?? []).map((c) => (
            <option key={c.clientId} value={c.clientId}>
              {c.clientName}
            </option>
          ))}
        </SelectField>
        <TextField label="Patient reference" name="patientRef" value={form.patientRef} onChange={set('patientRef')} placeholder="P-XXXXXX" error={submit.fieldErrors.patientRef} />
        <TextAreaField
          label="Reason"
          name="reason"
          value={form.reason}
          onChange={set('reason')}
          hint="Why you must open this patient now (no patient details: name the situation, not the person)."
          error={submit.fieldErrors.reason}
          rows={3}
          maxLength={500}
        />
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Open patient
        </FormFooter>
      </form>
    </Dialog>
  );
}

/** A banner on a patient opened through break-glass: until when. */
export function BreakGlassBanner({ patientId }: { patientId: string }) {
  const { can } = useSession();
  const glass = useBreakGlass(can('read', 'Patient'));
  const grant = glass.data?.open.find((g) => g.patientId === patientId);
  if (!grant) return null;
  return (
    <div className="notice notice-warning" role="status">
      Break-glass access until {timeOf(grant.expiresAt)}: this patient belongs to a client you are not assigned to. Your access is logged and compliance has been told.
    </div>
  );
}
