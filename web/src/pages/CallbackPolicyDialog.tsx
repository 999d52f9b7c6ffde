import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { ClientView } from '../api/types';
import { Dialog } from '../ui/Dialog';
import { Checkbox, InlineError, SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { REASONS } from './task-parts';

type Policy = ClientView['callbackPolicy'];
type ReasonCode = Policy['reasonCodes'][number];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ALL_REASONS = REASONS.map(([code]) => code) as ReasonCode[];
const REASON_LABEL = Object.fromEntries(REASONS) as Record<ReasonCode, string>;

interface DayRow {
  open: boolean;
  from: string;
  to: string;
}

/** The client's callback policy, as a form: how fast, when open, how often to try, and the reasons intake offers. */
export function CallbackPolicyDialog({ client, onClose }: { client: ClientView; onClose: () => void }) {
  const policy = client.callbackPolicy;
  const [days, setDays] = useState<DayRow[]>(() =>
    DAYS.map((_, i) => {
      const hours = policy.businessHours.find((h) => h.day === i + 1);
      return { open: hours !== undefined, from: hours?.open ?? '08:00', to: hours?.close ?? '17:00' };
    }),
  );
  const [numbers, setNumbers] = useState({
    emergentMinutes: String(policy.sla.emergentMinutes),
    urgentMinutes: String(policy.sla.urgentMinutes),
    maxAttempts: String(policy.maxAttempts),
    retryMinutes: String(policy.retryMinutes),
    claimTimeoutMinutes: String(policy.claimTimeoutMinutes),
    agentCapacity: String(policy.agentCapacity),
  });
  const [afterLastAttempt, setAfterLastAttempt] = useState(policy.afterLastAttempt);
  const [reasons, setReasons] = useState<ReasonCode[]>(policy.reasonCodes);
  const queryClient = useQueryClient();
  const toast = useToast();
  // The days sent, in order: a field error `callbackPolicy.businessHours.N.*` belongs to the Nth of them.
  const openDays = days.flatMap((d, i) => (d.open ? [i] : []));
  const submit = useSubmit(
    () => {
      const whole = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : (v as unknown as number));
      const body: Policy = {
        sla: { emergentMinutes: whole(numbers.emergentMinutes), urgentMinutes: whole(numbers.urgentMinutes) },
        businessHours: openDays.map((i) => ({ day: i + 1, open: days[i]!.from, close: days[i]!.to })),
        maxAttempts: whole(numbers.maxAttempts),
        retryMinutes: whole(numbers.retryMinutes),
        afterLastAttempt,
        claimTimeoutMinutes: whole(numbers.claimTimeoutMinutes),
        agentCapacity: whole(numbers.agentCapacity),
        reasonCodes: ALL_REASONS.filter((r) => reasons.includes(r)),
      };
      return unwrap(api.PATCH('/api/clients/{id}', { params: { path: { id: client.id } }, body: { callbackPolicy: body } }));
    },
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      toast('success', `The callback policy of ${saved.name} was saved. New callbacks follow it at once.`);
      onClose();
    },
  );
  const err = (field: string) => submit.fieldErrors[`callbackPolicy.${field}`];
  const dayError = (i: number) => {
    const n = openDays.indexOf(i);
    return n < 0 ? undefined : (err(`businessHours.${n}.open`) ?? err(`businessHours.${n}.close`) ?? err(`businessHours.${n}.day`));
  };
  const number = (key: keyof typeof numbers, label: string, field: string, hint?: string) => (
    <TextField label={label} name={field} inputMode="numeric" value={numbers[key]} error={err(field)} hint={hint} onChange={(e) => setNumbers({ ...numbers, [key]: e.target.value })} />
  );
  return (
    <Dialog title={`Callback policy of ${client.name}`} open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <fieldset>
          <legend>How fast</legend>
          <div className="form-row">
            {number('emergentMinutes', 'Emergent: minutes to call back', 'sla.emergentMinutes', 'Around the clock')}
            {number('urgentMinutes', 'Urgent: minutes to call back', 'sla.urgentMinutes', 'Around the clock')}
          </div>
          <p className="hint">Routine callbacks are due by the close of the client’s business day ({client.timeZone.replace(/_/g, ' ')} time).</p>
        </fieldset>
        <fieldset>
          <legend>Business hours ({client.timeZone.replace(/_/g, ' ')})</legend>
          <table className="hours-table">
            <tbody>
              {DAYS.map((name, i) => {
                const d = days[i]!;
                const set = (change: Partial<DayRow>) => setDays(days.map((x, j) => (j === i ? { ...x, ...change } : x)));
                const error = dayError(i);
                return (
                  <tr key={name}>
                    <th scope="row">
                      <Checkbox label={name} checked={d.open} onChange={(e) => set({ open: e.target.checked })} />
                    </th>
                    <td>
                      {d.open ? (
                        <span className="hours-range">
                          <input type="time" aria-label={`${name} opens`} value={d.from} aria-invalid={error ? true : undefined} onChange={(e) => set({ from: e.target.value })} />
                          <span aria-hidden="true">to</span>
                          <input type="time" aria-label={`${name} closes`} value={d.to} aria-invalid={error ? true : undefined} onChange={(e) => set({ to: e.target.value })} />
                        </span>
                      ) : (
                        <span className="muted">Closed</span>
                      )}
                      <InlineError message={error} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <InlineError message={err('businessHours')} />
        </fieldset>
        <fieldset>
          <legend>Attempts</legend>
          <div className="form-row">
            {number('maxAttempts', 'Attempts before giving up', 'maxAttempts')}
            {number('retryMinutes', 'Minutes between attempts', 'retryMinutes')}
          </div>
          <div className="form-row">
            <SelectField label="After the last attempt" value={afterLastAttempt} error={err('afterLastAttempt')} onChange={(e) => setAfterLastAttempt(e.target.value as Policy['afterLastAttempt'])}>
              <option value="escalate">Escalate to a supervisor</option>
              <option value="close">Close as unreachable</option>
            </SelectField>
            {number('claimTimeoutMinutes', 'Claim timeout (minutes)', 'claimTimeoutMinutes', 'A claimed callback with no activity for this long returns to its queue')}
          </div>
          <div className="form-row">
            {number('agentCapacity', 'Callbacks per agent (push queues)', 'agentCapacity', 'Push queues hand an agent callbacks while they hold fewer than this')}
          </div>
        </fieldset>
        <fieldset>
          <legend>Reasons intake offers</legend>
          <div className="checkbox-grid">
            {ALL_REASONS.map((r) => (
              <Checkbox key={r} label={REASON_LABEL[r]} checked={reasons.includes(r)} onChange={(e) => setReasons(e.target.checked ? [...reasons, r] : reasons.filter((x) => x !== r))} />
            ))}
          </div>
          <InlineError message={err('reasonCodes')} />
        </fieldset>
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Save policy
        </FormFooter>
      </form>
    </Dialog>
  );
}
