import { Fragment, useState } from 'react';
import type { AuditAlert, AuditEventView } from '../api/types';
import { formatMoment } from '../client-time';
import { Button } from '../ui/Button';
import { PURPOSES, labelOf } from './patient-fields';

/**
 * What the audit screens share: how an event's person, action, outcome, fields and purpose
 * read, and a hash shown short with a way to copy it whole.
 */

/** "Dec 2, 5:00:07 PM CST": an event's time to the second, on the viewer's own clock, its zone named. */
export function eventTime(iso: string): string {
  return formatMoment(iso);
}

/** Who acted: a person by name (and address), an API token, or Ringfence itself. */
export function actorText(e: Pick<AuditEventView, 'actorType' | 'actorName' | 'actorEmail' | 'actorId'>): string {
  if (e.actorType === 'system') return 'Ringfence (system)';
  if (e.actorType === 'token') return `API token${e.actorName ? ` ${e.actorName}` : ''}`;
  return e.actorName ?? e.actorEmail ?? (e.actorId ? `Person ${e.actorId.slice(0, 8)}` : 'Unknown person');
}

/** The families of actions a search can name by their prefix, with what each covers. */
export const ACTION_FAMILIES: { value: string; label: string }[] = [
  { value: 'phi', label: 'PHI reads (reveals, practice-system reads)' },
  { value: 'patient', label: 'Patient records (searches, changes, merges)' },
  { value: 'auth', label: 'Sign-ins, second factors, sign-outs' },
  { value: 'phi_guard', label: 'PHI guard (refused, redacted, overridden)' },
  { value: 'task', label: 'Callbacks' },
  { value: 'urgent', label: 'Urgent pages' },
  { value: 'role', label: 'Role assignments' },
  { value: 'user', label: 'People' },
  { value: 'token', label: 'API tokens' },
  { value: 'baa', label: 'BAAs' },
  { value: 'training', label: 'Training' },
  { value: 'access_review', label: 'Access reviews' },
  { value: 'report', label: 'Reports' },
  { value: 'audit', label: 'The audit trail itself (exports, alerts)' },
  { value: 'keys', label: 'Encryption keys' },
];

/** Where an event's page was opened from, for its way back (a search, an alert, a patient's history). */
export interface EventOrigin {
  back: string;
  backLabel: string;
}

/** An action's name in code type, breakable after each dot and underscore (never inside a word). */
export function ActionCode({ action }: { action: string }) {
  // A short name stays on one line.
  const parts = action.length > 16 ? action.split(/(?<=[._])/) : [action];
  return (
    <code>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

export function OutcomeBadge({ outcome }: { outcome: 'success' | 'failure' }) {
  return outcome === 'success' ? <span className="badge badge-success">Success</span> : <span className="badge badge-danger">Failure</span>;
}

/** Field names as the patient screen labels them. */
export function fieldsText(fields: readonly string[] | null): string {
  return fields && fields.length > 0 ? fields.map(labelOf).join(', ') : '—';
}

/** A stated purpose as the reveal form words it (or as recorded, for one it does not list). */
export function purposeText(purpose: string | null): string {
  if (!purpose) return '—';
  return PURPOSES.find((p) => p.value === purpose)?.label ?? purpose.replace(/_/g, ' ');
}

export const SEVERITY_LABELS: Record<AuditAlert['severity'], string> = { high: 'High', medium: 'Medium', low: 'Low' };
const SEVERITY_BADGES: Record<AuditAlert['severity'], string> = { high: 'badge-danger', medium: 'badge-warning', low: 'badge-info' };

export function SeverityBadge({ severity }: { severity: AuditAlert['severity'] }) {
  return <span className={`badge ${SEVERITY_BADGES[severity]}`}>{SEVERITY_LABELS[severity]}</span>;
}

/** A SHA-256 hash shown by its first and last characters, with a button that copies all of it. */
export function Hash({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const short = value.length > 20 ? `${value.slice(0, 10)}…${value.slice(-6)}` : value;
  return (
    <span className="hash">
      <code title={value}>{short}</code>
      <Button
        small
        variant="ghost"
        aria-label={`Copy the ${label}`}
        onClick={() =>
          void navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </span>
  );
}

/** "Older" and "Newest" for a list read by keyset: there is no page count, only whether more follow. */
export function KeysetPager({ caption, atNewest, nextBefore, onOlder, onNewest }: { caption: string; atNewest: boolean; nextBefore: number | null; onOlder: (before: number) => void; onNewest: () => void }) {
  if (atNewest && nextBefore === null) return null;
  return (
    <nav className="pager" aria-label={`${caption} pages`}>
      <span>{atNewest ? 'The newest' : 'Older entries'}</span>
      <span className="buttons">
        <Button small disabled={atNewest} onClick={onNewest}>
          Back to newest
        </Button>
        <Button small disabled={nextBefore === null} onClick={() => nextBefore !== null && onOlder(nextBefore)}>
          Older
        </Button>
      </span>
    </nav>
  );
}
