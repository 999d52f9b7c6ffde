import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { IncidentClient, IncidentDeadline, IncidentView } from '../api/types';
import { DataTable } from '../ui/DataTable';
import { ErrorNotice, Loading } from '../ui/States';

export const TYPE_LABELS: Record<IncidentView['type'], string> = {
  misdirected_disclosure: 'Misdirected disclosure',
  wrong_number_voicemail: 'Voicemail on a wrong number',
  lost_device: 'Lost device',
  stolen_device: 'Stolen device',
  unauthorized_access: 'Unauthorized access',
  vendor_incident: 'Vendor incident',
  other: 'Other',
};

export const STATUS_LABELS: Record<IncidentView['status'], string> = { reported: 'Reported', assessing: 'Assessing', determined: 'Determined', notifying: 'Notifying', closed: 'Closed' };

export const DETERMINATION_LABELS: Record<NonNullable<IncidentView['determination']>, string> = {
  breach: 'Breach',
  low_probability: 'Low probability of compromise',
  excluded: 'Not a breach (exclusion or safe harbor)',
};

export function StatusBadge({ status }: { status: IncidentView['status'] }) {
  const cls = status === 'closed' ? 'badge-success' : status === 'reported' ? 'badge-warning' : 'badge-info';
  return <span className={`badge ${cls}`}>{STATUS_LABELS[status]}</span>;
}

/** A notice's state, loud when overdue. */
export function NoticeStateBadge({ state }: { state: IncidentClient['noticeState'] }) {
  const [cls, text] = {
    due: ['badge-warning', 'Due'],
    overdue: ['badge-danger', 'OVERDUE'],
    sent: ['badge-success', 'Sent'],
    sent_late: ['badge-warning', 'Sent late'],
    not_owed: ['', 'Not owed'],
  }[state];
  return <span className={`badge ${cls}`}>{text}</span>;
}

/** An instant as the person reads it, with the client's own day where it matters. */
export function when(at: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(at));
}

/**
 * A deadline as the person reads it: a window in days ends at a client's local midnight, shown
 * as the end of the day before ("end of Dec 21, 2026"); one in hours at its instant.
 */
export function dueText(dueAt: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(dueAt));
  if (parts === '00:00:00') {
    const day = new Intl.DateTimeFormat(undefined, { timeZone, year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(Date.parse(dueAt) - 1));
    const zone = new Intl.DateTimeFormat(undefined, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(dueAt)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    return `end of ${day} (${zone})`;
  }
  return when(dueAt, timeZone);
}

/** Time left, or how long overdue, in words. */
export function timeLeft(hours: number): string {
  const abs = Math.abs(hours);
  const text = abs < 48 ? `${Math.round(abs)} h` : `${Math.round(abs / 24)} days`;
  return hours < 0 ? `${text} overdue` : `${text} left`;
}

/** Every notice still owed, soonest first: the compliance dashboard's card and the incidents page. */
export function IncidentDeadlines({ compact }: { compact?: boolean }) {
  const deadlines = useQuery({ queryKey: ['incidents', 'deadlines'], queryFn: () => unwrap(api.GET('/api/incidents/deadlines')), refetchInterval: 60_000 });
  if (deadlines.isPending) return <Loading />;
  if (deadlines.isError) return <ErrorNotice error={deadlines.error} />;
  const items = deadlines.data.items;
  const overdue = items.filter((d) => d.state === 'overdue');
  return (
    <>
      {overdue.length > 0 ? (
        <p className="notice notice-danger" role="alert">
          <strong>
            {overdue.length} notice{overdue.length === 1 ? ' is' : 's are'} overdue.
          </strong>{' '}
          A late notice needs the reason for the delay when it is sent.
        </p>
      ) : null}
      <DataTable<IncidentDeadline>
        caption="Notices owed to clients"
        rows={compact ? items.slice(0, 5) : items}
        rowKey={(d) => `${d.incidentId}/${d.clientId}`}
        empty={<p className="muted">No notice is owed to any client.</p>}
        columns={[
          { key: 'incident', header: 'Incident', render: (d) => <Link to={`/incidents/${d.incidentId}`}>{d.ref}</Link> },
          { key: 'client', header: 'Client', render: (d) => d.clientName },
          { key: 'due', header: 'Due by', render: (d) => dueText(d.dueAt, d.timeZone) },
          {
            key: 'left',
            header: 'Time',
            render: (d) => (d.state === 'overdue' ? <span className="badge badge-danger">OVERDUE · {timeLeft(d.hoursLeft)}</span> : <span className={d.hoursLeft < 48 ? 'badge badge-warning' : 'badge'}>{timeLeft(d.hoursLeft)}</span>),
          },
          { key: 'owed', header: 'Owed', render: (d) => (d.obligation === 'presumed' ? 'Unless assessed otherwise' : 'Yes') },
        ]}
      />
    </>
  );
}
