import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients } from '../api/queries';
import type { StaffMember } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { ROLE_NAMES } from './HomePage';
import { formatDay, formatWhen } from '../client-time';

const PAGE = 25;

function useRoles() {
  const { can } = useSession();
  return useQuery({ queryKey: ['roles'], queryFn: () => unwrap(api.GET('/api/roles')), enabled: can('read', 'Role') });
}

function RoleBadges({ person }: { person: StaffMember }) {
  if (person.roles.length === 0) return <span className="muted">No roles</span>;
  return (
    <>
      {person.roles.map((r) => (
        <span key={r.id} className="badge badge-info">
          {ROLE_NAMES[r.role] ?? r.roleName} · {r.clientName ?? 'all clients'}
        </span>
      ))}
    </>
  );
}

/** People of the organization: find, add, and manage roles and access. */
export function UsersPage() {
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'' | 'active' | 'deactivated'>('');
  const [sort, setSort] = useState('email');
  const [offset, setOffset] = useState(0);
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const search = useDeferredValue(q.trim());
  const list = useQuery({
    queryKey: ['users', { search, status, sort, offset }],
    queryFn: () =>
      unwrap(api.GET('/api/users', { params: { query: { limit: PAGE, offset, sort: sort as never, ...(search ? { q: search } : {}), ...(status ? { status } : {}) } } })),
    placeholderData: keepPreviousData,
    enabled: can('read', 'User', { orgWide: true }),
  });
  if (!can('read', 'User', { orgWide: true })) return <NoAccess what="the people of your organization" />;

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone who works in Ringfence for your organization, their roles and the clients they serve."
        actions={
          can('create', 'User') ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add person
            </Button>
          ) : null
        }
      />
      <div className="toolbar" role="search">
        <TextField
          label="Search"
          type="search"
          placeholder="Name or email"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as typeof status);
            setOffset(0);
          }}
        >
          <option value="">All</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </SelectField>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : (
        <DataTable
          caption="People"
          rows={list.data.items}
          rowKey={(u) => u.id}
          sort={sort}
          onSort={(s) => {
            setSort(s);
            setOffset(0);
          }}
          page={{ limit: PAGE, offset, total: list.data.total, onPage: setOffset }}
          empty={<EmptyState title={search || status ? 'Nobody matches' : 'No people yet'}>{search || status ? 'Try another search.' : 'Add the people who work callbacks.'}</EmptyState>}
          columns={[
            {
              key: 'name',
              header: 'Name',
              sort: 'displayName',
              render: (u) => (
                <button type="button" className="row-link" onClick={() => setOpenId(u.id)}>
                  {u.displayName}
                </button>
              ),
            },
            { key: 'email', header: 'Email', sort: 'email', render: (u) => u.email },
            { key: 'roles', header: 'Roles', render: (u) => <RoleBadges person={u} /> },
            {
              key: 'mfa',
              header: 'Authenticator',
              render: (u) => (u.mfaEnrolled ? <span className="badge badge-success">Enrolled</span> : <span className="badge badge-warning">Not yet</span>),
            },
            {
              key: 'status',
              header: 'Status',
              sort: 'status',
              render: (u) =>
                u.status === 'deactivated' ? (
                  <span className="badge badge-danger">Deactivated</span>
                ) : u.lockedUntil ? (
                  <span className="badge badge-warning">Locked</span>
                ) : (
                  <span className="badge badge-success">Active</span>
                ),
            },
          ]}
        />
      )}
      <AddPersonDialog open={adding} onClose={() => setAdding(false)} onAdded={(id) => setOpenId(id)} />
      {openId ? <PersonDialog id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

function ClientOptions() {
  const clients = useClients();
  return (
    <>
      <option value="">All clients</option>
      {clients.data?.items.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}

function RoleOptions() {
  const roles = useRoles();
  return (
    <>
      {roles.data?.map((r) => (
        <option key={r.key} value={r.key}>
          {r.name}
        </option>
      ))}
    </>
  );
}

function AddPersonDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (id: string) => void }) {
  const empty = { email: '', displayName: '', password: '', role: 'agent', clientId: '' };
  const [form, setForm] = useState(empty);
  const queryClient = useQueryClient();
  const toast = useToast();
  const submit = useSubmit(
    () =>
      unwrap(
        api.POST('/api/users', {
          body: { email: form.email, displayName: form.displayName, password: form.password, roles: form.role ? [{ role: form.role, clientId: form.clientId || null }] : [] },
        }),
      ),
    (person) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      toast('success', `${person.displayName} was added. They set up their authenticator at first sign-in.`);
      setForm(empty);
      onClose();
      onAdded(person.id);
    },
  );
  return (
    <Dialog title="Add a person" open={open} onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <TextField label="Name" name="displayName" required autoFocus value={form.displayName} error={submit.fieldErrors.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        <TextField label="Work email" name="email" type="email" required value={form.email} error={submit.fieldErrors.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        <TextField
          label="First password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          error={submit.fieldErrors.password}
          hint="At least 12 characters. Give it to them in person; they can change it after signing in."
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <fieldset>
          <legend>First role</legend>
          <SelectField label="Role" value={form.role} error={submit.fieldErrors['roles.0.role'] ?? submit.fieldErrors.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            <option value="">No role yet</option>
            <RoleOptions />
          </SelectField>
          <SelectField label="For client" value={form.clientId} error={submit.fieldErrors.clientId} onChange={(e) => setForm({ ...form, clientId: e.target.value })}>
            <ClientOptions />
          </SelectField>
        </fieldset>
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          Add person
        </FormFooter>
      </form>
    </Dialog>
  );
}

function PersonDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { can, me } = useSession();
  const queryClient = useQueryClient();
  const toast = useToast();
  const person = useQuery({ queryKey: ['users', id], queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id } } })) });
  const [role, setRole] = useState('agent');
  const [clientId, setClientId] = useState('');
  const refresh = (p: StaffMember) => {
    queryClient.setQueryData(['users', id], p);
    void queryClient.invalidateQueries({ queryKey: ['users'], predicate: (q) => q.queryKey[1] !== id });
  };
  const addRole = useSubmit(
    () => unwrap(api.POST('/api/users/{id}/roles', { params: { path: { id } }, body: { role, clientId: clientId || null } })),
    (p) => {
      refresh(p);
      toast('success', 'Role added');
    },
  );
  const act = async (fn: () => Promise<StaffMember>, done: string) => {
    try {
      refresh(await fn());
      toast('success', done);
    } catch (err) {
      toast('error', err instanceof Error ? err.message : 'That did not work');
    }
  };
  const p = person.data;
  const manage = can('update', 'User');
  const self = p?.id === me.user.id;
  return (
    <Dialog title={p ? p.displayName : 'Person'} open onClose={onClose}>
      {person.isPending ? (
        <Loading />
      ) : person.isError ? (
        <ErrorNotice error={person.error} />
      ) : p ? (
        <>
          <dl className="details">
            <dt>Email</dt>
            <dd>{p.email}</dd>
            <dt>Status</dt>
            <dd>{p.status === 'active' ? (p.lockedUntil ? `Locked until ${formatWhen(p.lockedUntil)}` : 'Active') : 'Deactivated'}</dd>
            <dt>Authenticator</dt>
            <dd>{p.mfaEnrolled ? 'Enrolled' : 'Not enrolled yet'}</dd>
            <dt>Added</dt>
            <dd>{formatDay(p.createdAt)}</dd>
          </dl>
          <h3>Roles</h3>
          {p.roles.length === 0 ? <p className="muted">No roles: this person can sign in but reach nothing.</p> : null}
          <ul className="plain" aria-label="Roles">
            {p.roles.map((r) => (
              <li key={r.id}>
                <span>
                  {ROLE_NAMES[r.role] ?? r.roleName} <span className="muted">· {r.clientName ?? 'all clients'}</span>
                </span>
                {can('delete', 'RoleAssignment') ? (
                  <Button small variant="ghost" aria-label={`Remove ${ROLE_NAMES[r.role] ?? r.roleName} for ${r.clientName ?? 'all clients'}`} onClick={() => void act(() => unwrap(api.DELETE('/api/users/{id}/roles/{assignmentId}', { params: { path: { id, assignmentId: r.id } } })), 'Role removed')}>
                    Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {can('create', 'RoleAssignment') ? (
            <form className="form" onSubmit={addRole.submit} noValidate style={{ marginTop: '1rem' }}>
              <fieldset>
                <legend>Add a role</legend>
                <SelectField label="Role" value={role} error={addRole.fieldErrors.role} onChange={(e) => setRole(e.target.value)}>
                  <RoleOptions />
                </SelectField>
                <SelectField label="Client" value={clientId} error={addRole.fieldErrors.clientId} onChange={(e) => setClientId(e.target.value)}>
                  <ClientOptions />
                </SelectField>
                <FormFooter error={addRole.formError} busy={addRole.busy}>
                  Add role
                </FormFooter>
              </fieldset>
            </form>
          ) : null}
          {manage && !self ? (
            <>
              <h3 style={{ marginTop: '1rem' }}>Access</h3>
              <div className="form-actions" style={{ justifyContent: 'flex-start', flexWrap: 'wrap' }}>
                {p.lockedUntil ? (
                  <Button onClick={() => void act(() => unwrap(api.POST('/api/users/{id}/unlock', { params: { path: { id } } })), 'Lockout cleared')}>Clear lockout</Button>
                ) : null}
                {p.mfaEnrolled ? (
                  <Button
                    onClick={() => {
                      if (window.confirm(`Remove ${p.displayName}'s authenticator? They must enrol a new one at their next sign-in.`)) {
                        void act(() => unwrap(api.POST('/api/users/{id}/reset-mfa', { params: { path: { id } } })), 'Authenticator removed; they enrol again at next sign-in');
                      }
                    }}
                  >
                    Reset authenticator
                  </Button>
                ) : null}
                {p.status === 'active' ? (
                  <Button
                    variant="danger"
                    onClick={() => {
                      if (window.confirm(`Deactivate ${p.displayName}? All their sessions end now.`)) {
                        void act(() => unwrap(api.POST('/api/users/{id}/deactivate', { params: { path: { id } } })), `${p.displayName} was deactivated; their sessions have ended`);
                      }
                    }}
                  >
                    Deactivate
                  </Button>
                ) : (
                  <Button onClick={() => void act(() => unwrap(api.POST('/api/users/{id}/reactivate', { params: { path: { id } } })), `${p.displayName} can sign in again`)}>Reactivate</Button>
                )}
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
