import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../session';
import { Loading, PageHeader } from '../ui/States';
import { age, when } from './task-parts';

const ROLE_NAMES: Record<string, string> = {
  admin: 'Administrator',
  compliance: 'Compliance officer',
  supervisor: 'Supervisor',
  agent: 'Agent',
  clinical_agent: 'Clinical agent',
  provider: 'On-call provider',
};

/**
 * The landing page, per role: the first administrator's getting-started checklist, an
 * agent's own work, a supervisor's queues, the compliance officer's due items; then who you
 * are here.
 */
export function HomePage() {
  const { me, can } = useSession();
  const clients = useQuery({ queryKey: ['clients', 'all'], queryFn: () => unwrap(api.GET('/api/clients', { params: { query: { limit: 200 } } })), enabled: can('read', 'Client') });
  const people = useQuery({ queryKey: ['users', 'count'], queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 1 } } })), enabled: can('read', 'User', { orgWide: true }) });
  const clientName = (id: string | null) => (id === null ? 'all clients' : (clients.data?.items.find((c) => c.id === id)?.name ?? 'a client'));
  return (
    <>
      <PageHeader title={`Welcome, ${me.user.displayName}`} description={me.user.orgName} tabTitle="Home" />
      {can('manage', 'Organization') ? <GettingStarted /> : null}
      {can('update', 'Task') && !can('manage', 'Task') ? <MyWork /> : null}
      {can('manage', 'Task') ? <MyQueues /> : null}
      {can('read', 'ComplianceRecord') ? <ComplianceDue /> : null}
      <div className="stats">
        {people.data ? (
          <div className="card stat">
            <div className="value">{people.data.total}</div>
            <div className="label">
              <Link to="/users">People</Link>
            </div>
          </div>
        ) : null}
        {clients.data ? (
          <div className="card stat">
            <div className="value">{clients.data.total}</div>
            <div className="label">{can('create', 'Client') ? <Link to="/clients">Clients</Link> : 'Clients you work for'}</div>
          </div>
        ) : null}
      </div>
      <div className="grid-2">
        <section className="card" aria-labelledby="roles-heading">
          <h2 id="roles-heading">Your roles</h2>
          {me.roles.length === 0 ? (
            <p className="muted">You have no roles yet. An administrator assigns them.</p>
          ) : (
            <ul className="plain">
              {me.roles.map((r) => (
                <li key={`${r.role}-${r.clientId ?? 'all'}`}>
                  <span>{ROLE_NAMES[r.role] ?? r.name}</span>
                  <span className="muted">{clientName(r.clientId)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="security-heading">
          <h2 id="security-heading">Your session</h2>
          <p>
            You are signed in with your authenticator. For patients’ privacy Ringfence signs you out after {me.idleMinutes} minutes without activity, and warns you a minute before.
          </p>
          <p>
            <Link to="/account">Change your password or authenticator</Link>
          </p>
        </section>
      </div>
    </>
  );
}

/** The steps before the first callback, each ticked off from the records it needs. */
function GettingStarted() {
  // Always fresh: each step ticks itself off as the records appear.
  const checklist = useQuery({ queryKey: ['setup', 'checklist'], queryFn: () => unwrap(api.GET('/api/setup/checklist')), staleTime: 0, refetchOnWindowFocus: true });
  if (!checklist.data) return checklist.isPending ? <Loading /> : null;
  const { steps, done } = checklist.data;
  const left = steps.filter((s) => !s.done).length;
  return (
    <section className="card checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{done ? 'Ringfence is set up' : 'Getting started'}</h2>
      <p className="muted">{done ? 'Every step is done: agents can take their first callbacks.' : `${left} of ${steps.length} steps to go before the first callback. Each ticks itself off when its records exist.`}</p>
      <ol className="checklist-steps">
        {steps.map((s) => (
          <li key={s.key} className={s.done ? 'step-done' : ''}>
            <span className="step-mark" aria-hidden="true">
              {s.done ? '✓' : ''}
            </span>
            <div>
              <Link to={s.path}>{s.title}</Link>
              <span className="visually-hidden">{s.done ? ' (done)' : ' (to do)'}</span>
              <div className="muted small">{s.status}</div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** An agent's own work: what they hold, what waits, the next due time. */
function MyWork() {
  const mine = useQuery({ queryKey: ['tasks', 'home', 'mine'], queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { assignee: 'me', status: ['claimed'], limit: 1, sort: 'dueAt' } } })), refetchInterval: 60_000 });
  const waiting = useQuery({ queryKey: ['tasks', 'home', 'waiting'], queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { status: ['open', 'waiting'], limit: 1, sort: 'dueAt' } } })), refetchInterval: 60_000 });
  const late = useQuery({ queryKey: ['tasks', 'home', 'late'], queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { overdue: true, limit: 1 } } })), refetchInterval: 60_000 });
  const next = mine.data?.items[0] ?? waiting.data?.items[0];
  return (
    <section className="card" aria-labelledby="work-heading">
      <h2 id="work-heading">Your work</h2>
      <div className="stats">
        <div className="stat">
          <div className="value">{mine.data?.total ?? '…'}</div>
          <div className="label">callbacks you hold</div>
        </div>
        <div className="stat">
          <div className="value">{waiting.data?.total ?? '…'}</div>
          <div className="label">waiting in your queues</div>
        </div>
        <div className="stat">
          <div className={`value ${late.data?.total ? 'board-breach' : ''}`}>{late.data?.total ?? '…'}</div>
          <div className="label">past their due time</div>
        </div>
      </div>
      <p>
        {next ? (next.overdue ? `The most urgent was due ${age(next.dueAt)} ago. ` : `The next is due ${when(next.dueAt)}. `) : 'Nothing is waiting right now. '}
        <Link to="/callbacks">Open Callbacks</Link> (g w).
      </p>
    </section>
  );
}

/** A supervisor's queues: open work and breaches per queue. */
function MyQueues() {
  const board = useQuery({ queryKey: ['board', 'home'], queryFn: () => unwrap(api.GET('/api/board', { params: { query: {} } })), refetchInterval: 60_000 });
  const queues = useQuery({ queryKey: ['queues', 'all'], queryFn: () => unwrap(api.GET('/api/queues', { params: { query: {} } })) });
  const rows = board.data?.items ?? [];
  const name = (id: string) => queues.data?.items.find((q) => q.id === id)?.name ?? 'Queue';
  return (
    <section className="card" aria-labelledby="queues-heading">
      <h2 id="queues-heading">Your queues</h2>
      {rows.length === 0 ? (
        <p className="muted">No open callbacks in your queues.</p>
      ) : (
        <ul className="plain">
          {rows.map((r) => {
            const open = r.counts.open + r.counts.claimed + r.counts.waiting + r.counts.escalated;
            return (
              <li key={r.queueId}>
                <span>{name(r.queueId)}</span>
                <span className={r.breached ? 'board-breach' : 'muted'}>
                  {open} open{r.breached ? ` · ${r.breached} past due` : ''}
                  {r.counts.escalated ? ` · ${r.counts.escalated} escalated` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to="/board">Open the queue board</Link> (g b).
      </p>
    </section>
  );
}

/** What the compliance officer must see to today: agreements ending or missing, training gaps, open reviews. */
function ComplianceDue() {
  const dashboard = useQuery({ queryKey: ['compliance', 'dashboard'], queryFn: () => unwrap(api.GET('/api/compliance/dashboard')) });
  const d = dashboard.data;
  if (!d) return null;
  const uncovered = d.baaCoverage.clients - d.baaCoverage.covered;
  const gaps = d.training.people - d.training.current;
  const items = [
    uncovered ? `${uncovered} ${uncovered === 1 ? 'client has' : 'clients have'} no BAA in effect` : null,
    d.baasEnding.length ? `${d.baasEnding.length} ${d.baasEnding.length === 1 ? 'BAA ends' : 'BAAs end'} soon` : null,
    d.vendors.withoutBaa.length ? `${d.vendors.withoutBaa.length} ${d.vendors.withoutBaa.length === 1 ? 'vendor handles' : 'vendors handle'} PHI without a BAA` : null,
    gaps ? `${gaps} ${gaps === 1 ? 'person needs' : 'people need'} training` : null,
    d.training.expiringSoon.length ? `${d.training.expiringSoon.length} training ${d.training.expiringSoon.length === 1 ? 'course lapses' : 'courses lapse'} soon` : null,
    d.accessReviews.open.length ? `${d.accessReviews.open.length} access ${d.accessReviews.open.length === 1 ? 'review is' : 'reviews are'} open` : null,
  ].filter((x): x is string => x !== null);
  return (
    <section className="card" aria-labelledby="due-heading">
      <h2 id="due-heading">Due in compliance</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing is due: every agreement and everyone’s training is in order.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/compliance">Open Compliance</Link> (g o).
      </p>
    </section>
  );
}

export { ROLE_NAMES };
