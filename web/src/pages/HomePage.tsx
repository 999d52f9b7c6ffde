import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../session';
import { PageHeader } from '../ui/States';

const ROLE_NAMES: Record<string, string> = {
  admin: 'Administrator',
  compliance: 'Compliance officer',
  supervisor: 'Supervisor',
  agent: 'Agent',
  clinical_agent: 'Clinical agent',
  provider: 'On-call provider',
};

/** The landing page: who you are here, and the shortcuts your roles allow. */
export function HomePage() {
  const { me, can } = useSession();
  const clients = useQuery({ queryKey: ['clients', 'all'], queryFn: () => unwrap(api.GET('/api/clients', { params: { query: { limit: 200 } } })), enabled: can('read', 'Client') });
  const people = useQuery({ queryKey: ['users', 'count'], queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 1 } } })), enabled: can('read', 'User', { orgWide: true }) });
  const clientName = (id: string | null) => (id === null ? 'all clients' : (clients.data?.items.find((c) => c.id === id)?.name ?? 'a client'));
  return (
    <>
      <PageHeader title={`Welcome, ${me.user.displayName}`} description={me.user.orgName} />
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

export { ROLE_NAMES };
