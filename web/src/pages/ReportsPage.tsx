import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, unwrap } from '../api/client';
import { useClients, useCurrentClient } from '../api/queries';
import type { CallbackReport } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { ClientPicker } from '../ui/ClientPicker';
import { DataTable } from '../ui/DataTable';
import { SelectField, TextField } from '../ui/Field';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../ui/States';

const RECEIVED = '#5b8fc7';
const COMPLETED = '#13652b';

/** What each figure means: the same words as the PDF and the API document. */
const DEFINITIONS: [string, string][] = [
  ['Received', 'callbacks created in the period (the client’s days, in its time zone).'],
  ['Completed', 'of those, the ones now completed (any resolution, unreachable and declined included; cancelled ones are not).'],
  ['Within SLA', 'completed callbacks closed by their due time, as a share of the completed ones.'],
  ['Median time to first attempt', 'from creation to the first contact attempt, over the callbacks with an attempt.'],
  ['Attempts per callback', 'contact attempts on the period’s callbacks divided by the callbacks received.'],
  ['Unreachable', 'callbacks resolved as unreachable (the last allowed attempt reached no one).'],
  ['Escalated', 'callbacks escalated now, or with a wrong-number or disconnected attempt.'],
  ['Handled (per agent)', 'the client’s callbacks the agent attempted, or held when they were completed, in the period.'],
  ['Median handling time (per agent)', 'from the agent’s final claim of a callback to its completion, over the callbacks they completed with a claim on record.'],
];

/** The month before this one, YYYY-MM: a service sends its clients last month's report. */
function lastMonth(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The first and last day of a month written YYYY-MM. */
function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 1000) / 10}%`);
const mins = (v: number | null) => (v === null ? '–' : `${v} min`);

/**
 * Callback reports per client and period: the figures as tiles, callbacks per day, the agents'
 * work, and the files a service sends its client (CSV, the monthly PDF). No patient appears.
 */
export function ReportsPage() {
  const { can } = useSession();
  const [clientId, setClientId] = useCurrentClient();
  const clients = useClients();
  const [mode, setMode] = useState<'month' | 'custom'>('month');
  const [month, setMonth] = useState(lastMonth);
  const [custom, setCustom] = useState(() => monthDays(lastMonth()));
  const period = mode === 'month' ? (/^\d{4}-\d{2}$/.test(month) ? monthDays(month) : null) : custom.from && custom.to ? custom : null;
  const report = useQuery({
    queryKey: ['reports', 'callbacks', clientId, period?.from, period?.to],
    queryFn: () => unwrap(api.GET('/api/reports/callbacks', { params: { query: { clientId: clientId!, from: period!.from, to: period!.to } } })),
    enabled: clientId !== null && period !== null && can('read', 'Report'),
  });
  if (!can('read', 'Report')) return <NoAccess what="reports" />;
  const clientName = clients.data?.items.find((c) => c.id === clientId)?.name ?? '';
  const file = (format: 'csv' | 'pdf') => (clientId && period ? `/api/reports/callbacks?${new URLSearchParams({ clientId, from: period.from, to: period.to, format })}` : undefined);
  const exportable = can('export', 'Report') && report.data !== undefined;
  return (
    <>
      <PageHeader
        title="Reports"
        description={`Callbacks${clientName ? ` for ${clientName}` : ''} by period: what came in, how fast it was worked, and by whom. No patient appears in a report.`}
      />
      <div className="toolbar report-filters">
        <ClientPicker value={clientId} onChange={setClientId} className="report-client" />
        <SelectField label="Period" value={mode} onChange={(e) => setMode(e.target.value as 'month' | 'custom')}>
          <option value="month">A month</option>
          <option value="custom">Custom dates</option>
        </SelectField>
        {mode === 'month' ? (
          <TextField label="Month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        ) : (
          <>
            <TextField label="From" type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            <TextField label="To (inclusive)" type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </>
        )}
        {exportable ? (
          <div className="button-row report-downloads">
            <a className="btn btn-secondary" href={file('csv')} download>
              Download CSV
            </a>
            <a className="btn btn-primary" href={file('pdf')} download>
              {mode === 'month' ? 'Monthly PDF' : 'PDF'}
            </a>
          </div>
        ) : null}
      </div>
      {clientId === null ? (
        <EmptyState title="No client">Reports are per client; you have none assigned.</EmptyState>
      ) : report.isError ? (
        <ErrorNotice error={report.error} />
      ) : report.isPending ? (
        <Loading />
      ) : (
        <ReportView report={report.data} />
      )}
      <details className="card definitions">
        <summary>What the figures mean</summary>
        <dl>
          {DEFINITIONS.map(([term, meaning]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}

function ReportView({ report }: { report: CallbackReport }) {
  const s = report.summary;
  const { from, to } = report.period;
  if (s.received === 0 && report.agents.length === 0) {
    return (
      <EmptyState title="No callbacks in this period">
        {report.client.name} received no callbacks from {from} to {to}, and no agent worked any of its callbacks then. Pick another month or period.
      </EmptyState>
    );
  }
  const tiles: [string, string, string?][] = [
    ['Received', String(s.received)],
    ['Completed', String(s.completed)],
    ['Within SLA', pct(s.withinSlaShare), s.completed > 0 ? `${s.completedWithinSla} of ${s.completed} completed` : undefined],
    ['Median time to first attempt', mins(s.medianMinutesToFirstAttempt)],
    ['Attempts per callback', s.attemptsPerCallback === null ? '–' : String(s.attemptsPerCallback), `${s.attempts} attempts`],
    ['Unreachable', String(s.unreachable)],
    ['Escalated', String(s.escalated)],
  ];
  const days = report.days.map((d) => ({ ...d, label: String(Number(d.day.slice(8))) }));
  const busy = report.days.filter((d) => d.received > 0);
  return (
    <section aria-labelledby="report-title" className="report">
      <h2 id="report-title" className="report-title">
        {report.client.name} · {from} to {to} <span className="muted small">({report.client.timeZone})</span>
      </h2>
      <ul className="stats report-tiles" aria-label="Figures">
        {tiles.map(([label, value, note]) => (
          <li key={label} className="card stat">
            <div className="value">{value}</div>
            <div className="label">{label}</div>
            {note ? <div className="muted small">{note}</div> : null}
          </li>
        ))}
      </ul>
      <div className="card">
        <h3>Callbacks per day</h3>
        <div
          role="img"
          aria-label={`Callbacks per day, received and completed: ${busy.length === 0 ? 'none received' : busy.map((d) => `${d.day}: ${d.received} received, ${d.completed} completed`).join('; ')}`}
        >
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={days} margin={{ left: 0, right: 12, top: 8, bottom: 4 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#d5dae1" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={days.length > 16 ? 1 : 0} />
              <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
              <Tooltip labelFormatter={(_label, payload) => (payload?.[0]?.payload as { day?: string } | undefined)?.day ?? ''} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value: string) => <span style={{ color: 'var(--text)' }}>{value}</span>} />
              <Bar dataKey="received" name="Received" fill={RECEIVED} maxBarSize={28} isAnimationActive={false} />
              <Bar dataKey="completed" name="Completed (of that day’s)" fill={COMPLETED} maxBarSize={28} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div className="card">
        <h3>Agents</h3>
        <DataTable
          caption="Callbacks per agent"
          rows={report.agents}
          rowKey={(a) => a.agentId}
          empty={<p className="muted">No agent worked this client’s callbacks in the period.</p>}
          columns={[
            { key: 'agent', header: 'Agent', render: (a) => a.displayName },
            { key: 'handled', header: 'Handled', render: (a) => a.handled },
            { key: 'completed', header: 'Completed', render: (a) => a.completed },
            { key: 'handling', header: 'Median handling time', render: (a) => mins(a.medianHandlingMinutes) },
          ]}
        />
      </div>
    </section>
  );
}
