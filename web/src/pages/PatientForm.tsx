import type { PatientFieldValues } from '../api/types';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { formatPhone } from './patient-fields';

type PhoneType = 'mobile' | 'home' | 'work' | 'other';

/** The editable PHI of a patient as form text. */
export interface PatientFormState {
  given: string;
  family: string;
  dateOfBirth: string;
  phones: { number: string; type: PhoneType }[];
  email: string;
  callbackWindow: string;
  mrn: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  postalCode: string;
}

export function emptyPatientForm(): PatientFormState {
  return { given: '', family: '', dateOfBirth: '', phones: [{ number: '', type: 'mobile' }], email: '', callbackWindow: '', mrn: '', line1: '', line2: '', city: '', state: '', postalCode: '' };
}

/** A form filled from revealed values. */
export function patientFormFrom(values: PatientFieldValues): PatientFormState {
  const empty = emptyPatientForm();
  return {
    given: values.name?.given ?? '',
    family: values.name?.family ?? '',
    dateOfBirth: values.dateOfBirth ?? '',
    phones: values.phones?.length ? values.phones.map((p) => ({ number: formatPhone(p.number), type: p.type })) : empty.phones,
    email: values.email ?? '',
    callbackWindow: values.callbackWindow ?? '',
    mrn: values.mrn ?? '',
    line1: values.address?.line1 ?? '',
    line2: values.address?.line2 ?? '',
    city: values.address?.city ?? '',
    state: values.address?.state ?? '',
    postalCode: values.address?.postalCode ?? '',
  };
}

/** Field → value for the API; empty text is "no value". */
function toFields(form: PatientFormState): Record<string, unknown> {
  const t = (s: string) => s.trim() || null;
  const phones = form.phones.filter((p) => p.number.trim()).map((p) => ({ number: p.number.trim(), type: p.type }));
  const hasAddress = [form.line1, form.city, form.state, form.postalCode].some((s) => s.trim());
  return {
    name: { given: form.given.trim(), family: form.family.trim() },
    dateOfBirth: t(form.dateOfBirth),
    phones: phones.length ? phones : null,
    email: t(form.email),
    callbackWindow: t(form.callbackWindow),
    mrn: t(form.mrn),
    address: hasAddress
      ? { line1: form.line1.trim(), ...(form.line2.trim() ? { line2: form.line2.trim() } : {}), city: form.city.trim(), state: form.state.trim(), postalCode: form.postalCode.trim() }
      : null,
  };
}

/**
 * The request body: for a new patient every field with a value; for an edit only the fields
 * that changed from `original` (null removes one).
 */
export function patientFormBody(form: PatientFormState, original: PatientFormState | null, editable?: Set<string>): Record<string, unknown> {
  const now = toFields(form);
  if (!original) return Object.fromEntries(Object.entries(now).filter(([, v]) => v !== null));
  const before = toFields(original);
  return Object.fromEntries(Object.entries(now).filter(([k, v]) => (!editable || editable.has(k)) && JSON.stringify(v) !== JSON.stringify(before[k])));
}

const CONTACT = new Set(['name', 'phones', 'email', 'callbackWindow']);

/** Which form fields the person may fill for this client with these actions (by data category). */
export function useEditableFields(clientId: string, actions: string[]): Set<string> {
  const { categories } = useSession();
  const allowed = categories(actions, 'Patient', clientId);
  const out = new Set<string>();
  for (const f of ['name', 'phones', 'email', 'callbackWindow']) if (allowed.has('contact')) out.add(f);
  for (const f of ['dateOfBirth', 'mrn', 'address']) if (allowed.has('identity')) out.add(f);
  return out;
}

/** The fields of a patient record, limited to what the person may write. */
export function PatientForm({
  form,
  setForm,
  errors,
  clientId,
  actions,
}: {
  form: PatientFormState;
  setForm: (f: PatientFormState) => void;
  errors: Record<string, string>;
  clientId: string;
  actions: string[];
}) {
  const editable = useEditableFields(clientId, actions);
  const set = (key: keyof PatientFormState) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const setPhone = (i: number, change: Partial<{ number: string; type: PhoneType }>) => setForm({ ...form, phones: form.phones.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  return (
    <>
      {editable.has('name') ? (
        <div className="form-row">
          <TextField label="Given name" name="given" autoComplete="off" autoFocus value={form.given} error={errors['name.given']} onChange={set('given')} />
          <TextField label="Family name" name="family" autoComplete="off" required value={form.family} error={errors['name.family'] ?? errors.name} onChange={set('family')} />
        </div>
      ) : null}
      {editable.has('dateOfBirth') ? <TextField label="Date of birth" name="dateOfBirth" type="date" value={form.dateOfBirth} error={errors.dateOfBirth} onChange={set('dateOfBirth')} /> : null}
      {editable.has('phones') ? (
        <fieldset>
          <legend>Phone numbers</legend>
          {form.phones.map((p, i) => (
            <div className="form-row phone-row" key={i}>
              <TextField label={`Number ${i + 1}`} name={`phone-${i}`} inputMode="tel" autoComplete="off" value={p.number} error={errors[`phones.${i}.number`]} onChange={(e) => setPhone(i, { number: e.target.value })} />
              <SelectField label="Type" value={p.type} onChange={(e) => setPhone(i, { type: e.target.value as PhoneType })}>
                <option value="mobile">Mobile</option>
                <option value="home">Home</option>
                <option value="work">Work</option>
                <option value="other">Other</option>
              </SelectField>
              {form.phones.length > 1 ? (
                <Button variant="ghost" small aria-label={`Remove number ${i + 1}`} onClick={() => setForm({ ...form, phones: form.phones.filter((_, j) => j !== i) })}>
                  Remove
                </Button>
              ) : null}
            </div>
          ))}
          {form.phones.length < 6 ? (
            <Button variant="ghost" small onClick={() => setForm({ ...form, phones: [...form.phones, { number: '', type: 'home' }] })}>
              Add another number
            </Button>
          ) : null}
        </fieldset>
      ) : null}
      {editable.has('email') ? <TextField label="E-mail" name="email" type="email" autoComplete="off" value={form.email} error={errors.email} onChange={set('email')} /> : null}
      {editable.has('callbackWindow') ? (
        <TextField label="Preferred callback window" name="callbackWindow" hint="For example: weekdays after 5pm" value={form.callbackWindow} error={errors.callbackWindow} onChange={set('callbackWindow')} />
      ) : null}
      {editable.has('mrn') ? <TextField label="Medical record number (MRN)" name="mrn" autoComplete="off" value={form.mrn} error={errors.mrn} onChange={set('mrn')} /> : null}
      {editable.has('address') ? (
        <fieldset>
          <legend>Address</legend>
          <TextField label="Street" name="line1" autoComplete="off" value={form.line1} error={errors['address.line1']} onChange={set('line1')} />
          <TextField label="Apartment, suite" name="line2" autoComplete="off" value={form.line2} onChange={set('line2')} />
          <div className="form-row">
            <TextField label="City" name="city" autoComplete="off" value={form.city} error={errors['address.city']} onChange={set('city')} />
            <TextField label="State" name="state" autoComplete="off" value={form.state} error={errors['address.state']} onChange={set('state')} />
            <TextField label="ZIP" name="postalCode" inputMode="numeric" autoComplete="off" value={form.postalCode} error={errors['address.postalCode'] ?? errors.address} onChange={set('postalCode')} />
          </div>
        </fieldset>
      ) : null}
      {[...editable].every((f) => CONTACT.has(f)) && editable.size > 0 ? <p className="muted small">Identity fields (date of birth, address, MRN) are kept by supervisors.</p> : null}
    </>
  );
}
