import { useId, useState } from 'react';
import { useClients } from '../api/queries';
import type { paths } from '../api/schema';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';

type ExportQuery = paths['/api/audit/export']['get']['parameters']['query'];
type ExportFormat = ExportQuery['format'];

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV (a spreadsheet)' },
  { value: 'jsonl', label: 'JSON Lines (one event per line)' },
  { value: 'fhir', label: 'FHIR R4 Bundle of AuditEvents' },
];

/** A datetime-local value ("2026-06-02T15:00") for a time on this computer's clock. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a datetime-local value names on this computer's clock, or null. */
function toInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The last 30 days: from midnight 30 days ago to midnight tonight, on this computer's clock. */
function defaultPeriod(): { from: string; to: string } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  start.setDate(start.getDate() - 30);
  return { from: localInput(start), to: localInput(end) };
}

/**
 * Downloads the organization's audit trail for a period (CSV, JSON Lines or a FHIR R4
 * Bundle), optionally for one client. The download is a plain link to the export route: the
 * browser sends the session cookie and saves the file as it streams, and the server records
 * the export as an audit event. The times are this computer's, sent as instants.
 */
export function AuditExportForm() {
  const { can } = useSession();
  const clients = useClients();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [period, setPeriod] = useState(defaultPeriod);
  const [clientId, setClientId] = useState('');
  const headingId = useId();
  if (!can('export', 'AuditEvent')) return null;

  const from = toInstant(period.from);
  const to = toInstant(period.to);
  const errors = {
    from: from === null ? 'Enter the date and time the period starts.' : undefined,
    to: to === null ? 'Enter the date and time the period ends.' : from !== null && to <= from ? 'The end must be after the start.' : undefined,
  };
  const query: ExportQuery | null = from !== null && to !== null && !errors.to ? { format, from, to, ...(clientId ? { clientId } : {}) } : null;
  const href = query ? `/api/audit/export?${new URLSearchParams(query)}` : undefined;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const items = clients.data?.items ?? [];

  return (
    <section className="card audit-export" aria-labelledby={headingId}>
      <h2 id={headingId}>Export the audit trail</h2>
      <p className="muted small">Events from the start (inclusive) to the end (exclusive), oldest first. Events name fields, never their values; patients appear by reference only.</p>
      <SelectField label="Format" name="format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {FORMATS.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label}
          </option>
        ))}
      </SelectField>
      <TextField label="From" type="datetime-local" name="from" value={period.from} error={errors.from} hint={`Your computer’s time (${zone})`} onChange={(e) => setPeriod({ ...period, from: e.target.value })} />
      <TextField label="To" type="datetime-local" name="to" value={period.to} error={errors.to} hint="Up to, not including, this time" onChange={(e) => setPeriod({ ...period, to: e.target.value })} />
      {items.length > 0 ? (
        <SelectField label="Client" name="clientId" value={clientId} onChange={(e) => setClientId(e.target.value)}>
          <option value="">All clients and the organization</option>
          {items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="button-row">
        {href ? (
          <a className="btn btn-primary" href={href} download>
            Download
          </a>
        ) : (
          <Button variant="primary" disabled>
            Download
          </Button>
        )}
      </div>
    </section>
  );
}
