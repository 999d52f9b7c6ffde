import type { PatientFieldValues, RevealPurpose } from '../api/types';

export type PatientField = keyof PatientFieldValues;

/** Each PHI field of the directory with its label and data category (as the server's catalogue). */
export const FIELDS: { field: PatientField; label: string; category: 'contact' | 'identity' | 'clinical' | 'billing' }[] = [
  { field: 'name', label: 'Name', category: 'contact' },
  { field: 'phones', label: 'Phone numbers', category: 'contact' },
  { field: 'email', label: 'E-mail', category: 'contact' },
  { field: 'callbackWindow', label: 'Preferred callback window', category: 'contact' },
  { field: 'dateOfBirth', label: 'Date of birth', category: 'identity' },
  { field: 'address', label: 'Address', category: 'identity' },
  { field: 'mrn', label: 'MRN', category: 'identity' },
  { field: 'identifiers', label: 'Practice identifiers', category: 'identity' },
  { field: 'fhirPatientId', label: 'Practice record id', category: 'identity' },
  { field: 'notes', label: 'Clinical notes', category: 'clinical' },
  { field: 'insuranceMemberId', label: 'Insurance member id', category: 'billing' },
];

/** Where a directory record came from. */
export const SOURCES: Record<string, string> = { manual: 'Entered by staff', practice_system: 'Practice system', integration: 'Integration' };

export const CATEGORY_LABELS: Record<string, string> = { contact: 'Contact', identity: 'Identity', clinical: 'Clinical', billing: 'Billing' };

export const PURPOSES: { value: RevealPurpose; label: string }[] = [
  { value: 'callback', label: 'Returning the patient’s call' },
  { value: 'identity_verification', label: 'Verifying the caller’s identity' },
  { value: 'intake', label: 'Taking a new call' },
  { value: 'care_coordination', label: 'Coordinating care with the practice' },
  { value: 'record_correction', label: 'Correcting the record' },
  { value: 'quality_review', label: 'Quality review' },
  { value: 'compliance_review', label: 'Compliance review' },
];

export const labelOf = (field: string) => FIELDS.find((f) => f.field === field)?.label ?? field;

/** A US number in E.164 shown the way agents read it aloud; other numbers as stored. */
export function formatPhone(e164: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : e164;
}

/** One revealed value as text. */
export function formatValue(field: PatientField, values: PatientFieldValues): string {
  switch (field) {
    case 'name':
      return values.name ? `${values.name.given} ${values.name.family}`.trim() : '';
    case 'phones':
      return (values.phones ?? []).map((p) => `${formatPhone(p.number)} (${p.type})`).join(', ');
    case 'address': {
      const a = values.address;
      return a ? [a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`].filter(Boolean).join(', ') : '';
    }
    case 'identifiers':
      return (values.identifiers ?? []).map((i) => `${i.value} (${i.system})`).join(', ');
    default: {
      const v = values[field];
      return typeof v === 'string' ? v : '';
    }
  }
}

/** Revealed values as a definition list. */
export function RevealedValues({ values, fields }: { values: PatientFieldValues; fields: PatientField[] }) {
  return (
    <dl className="revealed">
      {fields.map((f) => (
        <div key={f}>
          <dt>{labelOf(f)}</dt>
          <dd>{formatValue(f, values) || <span className="muted">—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
