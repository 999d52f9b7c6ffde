/**
 * What an audit event about a patient means for that patient, in words an auditor and the
 * practice (the covered entity) read: an access (someone in the workforce saw their
 * information), a disclosure (it went to someone else: the on-call provider, the person reached
 * on a callback, the practice's system, a download), a change to their record, or other
 * activity. Accesses and disclosures make up the accounting of disclosures.
 *
 * Actions are matched by name and family, so an action added later in a family listed here
 * (`breakglass.*`, an export, a send to the practice's system) is accounted for without a new
 * line. No PHI in any sentence: field names and categories, staff names, fixed words.
 */
import { categoryOf, SUBJECTS, type SubjectType } from '../../platform/authz/catalogue.ts';
import type { AuditEventView } from '../../platform/audit/search.ts';
import type { StaffProfile } from '../users/index.ts';
import type { ENTRY_KINDS } from './audit.schemas.ts';

export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface EntryMeaning {
  kind: EntryKind;
  description: string;
  /** For a disclosure: to whom. */
  recipient: string | null;
  /** What was seen or sent: field names with their categories, or what the event stands for. */
  what: string;
  categories: string[];
}

const words = (code: string) => code.replace(/[_.]/g, ' ');
const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** A person as an accounting names them: name and current roles. */
export function personLabel(profile: StaffProfile | undefined, fallback: string): string {
  if (!profile) return fallback;
  return profile.roles.length > 0 ? `${profile.name} (${profile.roles.join(', ')})` : profile.name;
}

/** The people an event names besides its actor (the provider paged, the agent handed a callback). */
export function peopleNamed(e: AuditEventView): string[] {
  return [text(e.details.primary), text(e.details.assigneeId)].filter((v): v is string => v !== null);
}

function subjectOf(resourceType: string | null): SubjectType {
  return resourceType !== null && resourceType in SUBJECTS ? (resourceType as SubjectType) : 'Patient';
}

function fieldsWhat(e: AuditEventView): { what: string; categories: string[] } | null {
  if (!e.fields || e.fields.length === 0) return null;
  const subject = subjectOf(e.resourceType);
  const categories = [...new Set(e.fields.map((f) => categoryOf(subject, f)))];
  return { what: e.fields.map((f) => `${f} (${categoryOf(subject, f)})`).join(', '), categories };
}

/** The meaning of one event of a patient's trail; `people` holds the staff it names. A refused attempt says so. */
export function entryMeaning(e: AuditEventView, people: Map<string, StaffProfile>, client: { name: string }): EntryMeaning {
  const meaning = meaningOf(e, people, client);
  return e.outcome === 'failure' ? { ...meaning, description: `${meaning.description} (refused)` } : meaning;
}

function meaningOf(e: AuditEventView, people: Map<string, StaffProfile>, client: { name: string }): EntryMeaning {
  const fields = fieldsWhat(e);
  const seen = (what: string, categories: string[] = []) => fields ?? { what, categories };
  const entry = (kind: EntryKind, description: string, what: { what: string; categories: string[] }, recipient: string | null = null): EntryMeaning => ({ kind, description, recipient, ...what });
  const a = e.action;

  if (a === 'phi.read') {
    if (e.resourceType === 'UrgentMessage') return entry('access', `Read the urgent message about the patient`, seen('the urgent message', ['clinical']));
    if (e.details.source === 'practice_system') return entry('access', `Read the patient's record in the practice's system`, seen('the practice record'));
    return entry('access', `Revealed the patient's details`, seen('patient details'));
  }
  if (a === 'patient.search_hit') {
    const by = text(e.details.by);
    return entry('access', `Found in a patient search${by ? ` by ${words(by)}` : ''}${e.details.match === 'partial' ? ' (partial match)' : ''}`, seen("the patient's reference", ['operational']));
  }
  if (a === 'task.claimed') return entry('access', 'Claimed the callback: its contact details shown', seen('contact details on the callback', ['contact']));
  if (a === 'task.assigned') {
    const assignee = text(e.details.assigneeId);
    if (assignee) return entry('access', 'Callback handed to a person: its contact details shown to them', seen('contact details on the callback', ['contact']), personLabel(people.get(assignee), 'a former member of staff'));
    return entry('activity', 'Callback taken back into the queue', seen('the callback', ['operational']));
  }
  if (a === 'task.attempt_logged') {
    const channel = text(e.details.channel);
    if (e.details.disclosure === 'details_given') {
      // Details given before the agent learned the number was wrong went to someone else: the case an accounting exists for.
      const wrong = e.details.outcome === 'wrong_number';
      return entry('disclosure', `Details given on a callback attempt${channel ? ` by ${words(channel)}` : ''}${wrong ? ', to a wrong number' : ''}`, seen('details of the callback', ['contact']), wrong ? 'a person reached at a wrong number' : 'the person reached on the callback');
    }
    return entry('activity', `Callback attempt${channel ? ` by ${words(channel)}` : ''}${text(e.details.outcome) ? `: ${words(String(e.details.outcome))}` : ''}`, seen('the callback', ['operational']));
  }
  if (a === 'urgent.created') {
    const primary = text(e.details.primary);
    const backups = typeof e.details.backups === 'number' ? e.details.backups : 0;
    const recipient = primary ? personLabel(people.get(primary), 'the on-call provider') : 'the on-call rota';
    return entry('disclosure', 'Urgent message sent to the on-call provider', seen('the urgent message', ['clinical']), backups > 0 ? `${recipient}, then ${backups} backup${backups === 1 ? '' : 's'} if unanswered` : recipient);
  }
  if (a.startsWith('breakglass.')) return entry('access', `Emergency access (break-glass): ${words(a.slice('breakglass.'.length))}`, seen('patient details'));
  if (a.startsWith('audit.')) {
    if (a === 'audit.patient_history_viewed') return entry('activity', "The patient's access history was viewed", seen('the access history', ['operational']));
    if (a === 'audit.disclosures_exported') return entry('activity', `The accounting of disclosures was downloaded${text(e.details.format) ? ` (${String(e.details.format).toUpperCase()})` : ''}`, seen('the accounting', ['operational']));
    return entry('activity', words(a), seen('the audit trail', ['operational']));
  }
  if (a.startsWith('practice_link.')) return entry('disclosure', `Sent to the practice's system: ${words(a.slice('practice_link.'.length))}`, seen('the practice record'), `${client.name}'s practice system`);
  if (/(^|[._])export(ed)?($|[._])/.test(a)) return entry('disclosure', `Exported: ${words(a)}`, seen('an export'), 'a file downloaded by the person named');
  if (a === 'patient.created') return entry('change', 'Record created', seen('the record'));
  if (a === 'patient.updated') return entry('change', 'Record changed', seen('the record'));
  if (a === 'patient.merged') return entry('change', `Records merged${text(e.details.duplicateRef) ? `: ${String(e.details.duplicateRef)} into ${text(e.details.survivorRef) ?? 'this one'}` : ''}`, seen('the record'));
  if (a === 'patient.linked') return entry('change', "Record linked to the practice's system", seen('the record'));
  if (a === 'task.message_added') return entry('change', 'Clinical message added to the callback', seen('a clinical message', ['clinical']));
  if (a === 'task.created') return entry('change', 'Callback created', seen('the callback', ['operational']));
  return entry('activity', words(a), seen(words(e.resourceType ?? 'record').toLowerCase(), ['operational']));
}

/** Whether an entry belongs in the accounting of disclosures. */
export function isAccounted(kind: EntryKind): boolean {
  return kind === 'access' || kind === 'disclosure';
}
