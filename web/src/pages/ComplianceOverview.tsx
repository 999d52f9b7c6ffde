import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Bar, BarChart, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, unwrap } from '../api/client';
import type { ComplianceDashboard } from '../api/types';
import { ErrorNotice, Loading } from '../ui/States';
import { formatWhen } from '../client-time';
import { IncidentDeadlines } from './incident-parts';

/** One colour per BAA state: green covered, amber ending, grey unsigned, reds for gaps. */
const STATE_COLOURS = {
  active: '#13652b',
  expiring: '#c27c0e',
  pending: '#5b8fc7',
  draft: '#8d98a6',
  expired: '#b42318',
  terminated: '#7a1a12',
  missing: '#e0605a',
} as const;
const STATE_NAMES: Record<keyof typeof STATE_COLOURS, string> = {
  active: 'Active',
  expiring: 'Ends within 60 days',
  pending: 'Signed, not yet in effect',
  draft: 'Draft only',
  expired: 'Expired',
  terminated: 'Terminated',
  missing: 'No BAA',
};
const TRAINING_SERIES = [
  { key: 'current', name: 'Current', colour: '#13652b' },
  { key: 'expiringSoon', name: 'Lapses within 30 days', colour: '#c27c0e' },
  { key: 'expired', name: 'Expired', colour: '#b42318' },
  { key: 'missing', name: 'Not completed', colour: '#8d98a6' },
] as const;

function inDays(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

/**
 * The compliance dashboard: is every client covered, who is about to lapse, what is open.
 * Charts carry the same figures in their labels and legends, so nothing is only a colour.
 */
export default function ComplianceOverview() {
  const dashboard = useQuery({ queryKey: ['compliance', 'dashboard'], queryFn: () => unwrap(api.GET('/api/compliance/dashboard')) });
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <ErrorNotice error={dashboard.error} />;
  const d: ComplianceDashboard = dashboard.data;
  return (
    <section aria-labelledby="overview-title" className="dashboard">
      <h2 id="overview-title">
        Overview <span className="muted small">as of {d.asOf}</span>
      </h2>
      <div className="dashboard-grid">
        <IncidentsCard />
        <BaaCoverageCard d={d} />
        <TrainingCard d={d} />
        <ComingUpCard d={d} />
        <ReviewsCard d={d} />
      </div>
    </section>
  );
}

function BaaCoverageCard({ d }: { d: ComplianceDashboard }) {
  const slices = (Object.keys(STATE_COLOURS) as (keyof typeof STATE_COLOURS)[]).map((s) => ({ state: s, name: STATE_NAMES[s], value: d.baaCoverage.byState[s] })).filter((s) => s.value > 0);
  const { clients, covered } = d.baaCoverage;
  return (
    <div className="card" aria-labelledby="coverage-title">
      <h3 id="coverage-title">BAA coverage</h3>
      <p className="headline">
        <strong>{covered}</strong> of {clients} client{clients === 1 ? '' : 's'} covered
      </p>
      <div className="chart-row">
        {clients > 0 ? (
          <div role="img" aria-label={`Clients by BAA state: ${slices.map((s) => `${s.value} ${s.name.toLowerCase()}`).join(', ')}`}>
            <PieChart width={150} height={150}>
              <Pie data={slices} dataKey="value" nameKey="name" innerRadius={42} outerRadius={70} isAnimationActive={false} stroke="#fff">
                {slices.map((s) => (
                  <Cell key={s.state} fill={STATE_COLOURS[s.state]} />
                ))}
              </Pie>
              <Tooltip />
            </PieChart>
          </div>
        ) : null}
        <ul className="legend">
          {slices.map((s) => (
            <li key={s.state}>
              <span className="swatch" style={{ background: STATE_COLOURS[s.state] }} aria-hidden="true" /> {s.value} {s.name.toLowerCase()}
            </li>
          ))}
          {clients === 0 ? <li className="muted">No active clients.</li> : null}
        </ul>
      </div>
      <h4>Vendors handling PHI without an active BAA</h4>
      {d.vendors.withoutBaa.length === 0 ? (
        <p className="muted">{d.vendors.handlingPhi === 0 ? 'No PHI-handling vendors recorded.' : d.vendors.handlingPhi === 1 ? 'None: the one PHI-handling vendor is covered.' : `None: all ${d.vendors.handlingPhi} are covered.`}</p>
      ) : (
        <ul className="gap-list">
          {d.vendors.withoutBaa.map((v) => (
            <li key={v.id}>
              <strong>{v.name}</strong> <span className="muted">({v.services.join(', ')})</span> · {STATE_NAMES[v.state]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TrainingCard({ d }: { d: ComplianceDashboard }) {
  const { people, current, byCourse } = d.training;
  const data = byCourse.map((c) => ({ ...c, label: c.name.length > 26 ? `${c.name.slice(0, 25)}…` : c.name }));
  return (
    <div className="card" aria-labelledby="training-coverage-title">
      <h3 id="training-coverage-title">Training coverage</h3>
      <p className="headline">
        <strong>{current}</strong> of {people} {people === 1 ? 'person has' : 'people have'} every required course current
      </p>
      <div
        role="img"
        aria-label={`People per course: ${byCourse.map((c) => `${c.name}: ${c.current} current, ${c.expiringSoon} lapsing within 30 days, ${c.expired} expired, ${c.missing} not completed`).join('; ')}`}
      >
        <ResponsiveContainer width="100%" height={Math.max(140, 34 * data.length + 60)}>
          <BarChart data={data} layout="vertical" margin={{ left: 0, right: 12, top: 4, bottom: 4 }}>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} formatter={(value: string) => <span style={{ color: 'var(--text)' }}>{value}</span>} />
            {TRAINING_SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="people" fill={s.colour} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

function ComingUpCard({ d }: { d: ComplianceDashboard }) {
  return (
    <div className="card" aria-labelledby="coming-up-title">
      <h3 id="coming-up-title">Coming up</h3>
      <h4>BAAs ending within 60 days</h4>
      {d.baasEnding.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="gap-list">
          {d.baasEnding.map((b) => (
            <li key={`${b.party.type}-${b.party.id}`}>
              <strong>{b.party.name}</strong> ends {inDays(b.daysLeft)} ({b.endsOn})
            </li>
          ))}
        </ul>
      )}
      <h4>Training lapsing within 30 days</h4>
      {d.training.expiringSoon.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="gap-list">
          {d.training.expiringSoon.slice(0, 12).map((e) => (
            <li key={`${e.userId}-${e.course}`}>
              <strong>{e.displayName}</strong>: {e.course} {inDays(e.daysLeft)}
            </li>
          ))}
          {d.training.expiringSoon.length > 12 ? <li className="muted">and {d.training.expiringSoon.length - 12} more in the training table below</li> : null}
        </ul>
      )}
    </div>
  );
}

function ReviewsCard({ d }: { d: ComplianceDashboard }) {
  return (
    <div className="card" aria-labelledby="open-reviews-title">
      <h3 id="open-reviews-title">Open access reviews</h3>
      {d.accessReviews.open.length === 0 ? (
        <p className="muted">
          None open. <Link to="/reviews">Open a campaign</Link>
        </p>
      ) : (
        <ul className="progress-list">
          {d.accessReviews.open.map((r) => (
            <li key={r.id}>
              <Link to={`/reviews/${r.id}`}>{r.name}</Link>
              {r.dueOn ? <span className="muted"> · due {r.dueOn}</span> : null}
              <progress max={Math.max(1, r.progress.total)} value={r.progress.decided} aria-label={`${r.name}: ${r.progress.decided} of ${r.progress.total} decided`} />
              <span className="small">
                {r.progress.decided} of {r.progress.total} decided{r.progress.revoked ? `, ${r.progress.revoked} revoked` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4>Security alerts</h4>
      {d.securityAlerts.length === 0 ? (
        <p className="muted">No security alerts in the last 30 days.</p>
      ) : (
        <ul className="progress-list" aria-label="Security alerts">
          {d.securityAlerts.map((a) => (
            <li key={a.eventId}>
              <strong>{a.actorEmail ?? 'Someone'}</strong> tried to give themselves the {a.role ?? 'PHI'} role (refused) ·{' '}
              <span className="muted">
                {formatWhen(a.occurredAt)} · audit event #{a.eventId}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4>Anomaly alerts</h4>
      <AnomalySummary />
    </div>
  );
}

/** Notices owed to clients for incidents, soonest first, overdue ones loud: the first thing the officer sees. */
function IncidentsCard() {
  return (
    <div className="card dashboard-wide" aria-labelledby="incidents-card-title">
      <h3 id="incidents-card-title">
        Incidents: notices owed <Link className="small" to="/incidents">All incidents</Link>
      </h3>
      <IncidentDeadlines compact />
    </div>
  );
}

/** The open anomaly alerts of the audit trail, counted (the audit screens list them). */
function AnomalySummary() {
  const summary = useQuery({ queryKey: ['audit', 'alerts', 'summary'], queryFn: () => unwrap(api.GET('/api/audit/alerts/summary')), refetchInterval: 60_000 });
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorNotice error={summary.error} />;
  const { open, high } = summary.data;
  return (
    <p className={high > 0 ? 'notice notice-danger' : open > 0 ? 'notice notice-warning' : 'muted'}>
      {open === 0 ? 'No open anomaly alert.' : `${open} open anomaly alert${open === 1 ? '' : 's'}${high > 0 ? `, ${high} high` : ''}.`} <Link to="/audit/alerts">Review them</Link>
    </p>
  );
}
