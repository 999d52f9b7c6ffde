import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { ClientView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { EmptyState, ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';

const PAGE = 25;
const COMMON_ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu'];

function timeZones(): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...COMMON_ZONES, ...all.filter((z) => !COMMON_ZONES.includes(z))];
}

/** Clients (covered entities): the practices the organization answers for. */
export function ClientsPage() {
  const { can } = useSession();
  const [sort, setSort] = useState('name');
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<ClientView | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['clients', { sort, offset }],
    queryFn: () => unwrap(api.GET('/api/clients', { params: { query: { limit: PAGE, offset, sort: sort as never } } })),
    placeholderData: keepPreviousData,
    enabled: can('read', 'Client'),
  });
  if (!can('read', 'Client')) return <NoAccess what="clients" />;
  const manage = can('update', 'Client');
  return (
    <>
      <PageHeader
        title="Clients"
        description="The practices and covered entities your organization answers for. Their patient information is kept apart and encrypted under each client’s own key."
        actions={
          can('create', 'Client') ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              Add client
            </Button>
          ) : null
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : (
        <DataTable
          caption="Clients"
          rows={list.data.items}
          rowKey={(c) => c.id}
          sort={sort}
          onSort={(s) => {
            setSort(s);
            setOffset(0);
          }}
          page={{ limit: PAGE, offset, total: list.data.total, onPage: setOffset }}
          empty={
            <EmptyState
              title="No clients yet"
              action={
                can('create', 'Client') ? (
                  <Button variant="primary" onClick={() => setEditing('new')}>
                    Add your first client
                  </Button>
                ) : undefined
              }
            >
              Add the practices you answer calls for.
            </EmptyState>
          }
          columns={[
            {
              key: 'name',
              header: 'Name',
              sort: 'name',
              render: (c) =>
                manage ? (
                  <button type="button" className="row-link" onClick={() => setEditing(c)}>
                    {c.name}
                  </button>
                ) : (
                  c.name
                ),
            },
            { key: 'tz', header: 'Time zone', render: (c) => c.timeZone },
            { key: 'status', header: 'Status', sort: 'status', render: (c) => <span className={`badge ${c.status === 'active' ? 'badge-success' : ''}`}>{c.status === 'active' ? 'Active' : 'Inactive'}</span> },
            { key: 'created', header: 'Added', sort: 'createdAt', render: (c) => <span className="nowrap">{new Date(c.createdAt).toLocaleDateString()}</span> },
          ]}
        />
      )}
      {editing ? <ClientDialog client={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function ClientDialog({ client, onClose }: { client: ClientView | null; onClose: () => void }) {
  const [form, setForm] = useState({ name: client?.name ?? '', timeZone: client?.timeZone ?? 'America/New_York', status: client?.status ?? 'active' });
  const queryClient = useQueryClient();
  const toast = useToast();
  const submit = useSubmit(
    () =>
      client
        ? unwrap(api.PATCH('/api/clients/{id}', { params: { path: { id: client.id } }, body: form }))
        : unwrap(api.POST('/api/clients', { body: { name: form.name, timeZone: form.timeZone } })),
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['clients'] });
      toast('success', client ? `${saved.name} was saved` : `${saved.name} was added`);
      onClose();
    },
  );
  return (
    <Dialog title={client ? `Edit ${client.name}` : 'Add a client'} open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <TextField label="Name" name="name" required autoFocus value={form.name} error={submit.fieldErrors.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <SelectField label="Time zone" value={form.timeZone} error={submit.fieldErrors.timeZone} hint="Business hours and same-day deadlines follow this zone" onChange={(e) => setForm({ ...form, timeZone: e.target.value })}>
          {timeZones().map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
        {client ? (
          <SelectField label="Status" value={form.status} hint="People assigned to an inactive client lose access to it" onChange={(e) => setForm({ ...form, status: e.target.value as 'active' | 'inactive' })}>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </SelectField>
        ) : null}
        <FormError message={submit.formError} />
        <div className="form-actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={submit.busy}>
            {client ? 'Save' : 'Add client'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
