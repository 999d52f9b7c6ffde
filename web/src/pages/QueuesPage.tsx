import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients, useCurrentClient } from '../api/queries';
import type { QueueView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { ClientPicker } from '../ui/ClientPicker';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { EmptyState, ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';

/**
 * A client's queues: the work lists intake files callbacks into. Supervisors (for their clients)
 * and administrators add, rename, order and archive them; the order is the order intake and the
 * board list them in.
 */
export function QueuesPage() {
  const { can } = useSession();
  const [clientId, setClientId] = useCurrentClient();
  const clients = useClients();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [editing, setEditing] = useState<QueueView | 'new' | null>(null);
  const queues = useQuery({
    queryKey: ['queues', 'client', clientId],
    queryFn: () => unwrap(api.GET('/api/queues', { params: { query: { clientId: clientId! } } })),
    enabled: clientId !== null && can('read', 'Queue'),
  });
  const items = queues.data?.items ?? [];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['queues'] });
  const move = useMutation({
    mutationFn: ({ from, to }: { from: number; to: number }) => {
      const ids = items.map((q) => q.id);
      const [moved] = ids.splice(from, 1);
      ids.splice(to, 0, moved!);
      return unwrap(api.PUT('/api/queues/order', { body: { clientId: clientId!, queueIds: ids } }));
    },
    onSuccess: (answer) => queryClient.setQueryData(['queues', 'client', clientId], answer),
    onSettled: refresh,
  });
  const mode = useMutation({
    mutationFn: ({ q, assignmentMode }: { q: QueueView; assignmentMode: 'pull' | 'push' }) => unwrap(api.PATCH('/api/queues/{id}', { params: { path: { id: q.id } }, body: { assignmentMode } })),
    onSuccess: (q) => toast('success', q.assignmentMode === 'push' ? `${q.name} now hands callbacks to agents on duty, in turn.` : `${q.name} now waits for agents to take callbacks.`),
    onSettled: refresh,
  });
  const archive = useMutation({
    mutationFn: (q: QueueView) => unwrap(api.PATCH('/api/queues/{id}', { params: { path: { id: q.id } }, body: { status: q.status === 'active' ? 'archived' : 'active' } })),
    onSuccess: (q) => toast('success', q.status === 'archived' ? `${q.name} was archived: it takes no new callbacks.` : `${q.name} takes callbacks again.`),
    onSettled: refresh,
  });
  if (!can('read', 'Queue')) return <NoAccess what="queues" />;
  const manage = can('update', 'Queue');
  const clientName = clients.data?.items.find((c) => c.id === clientId)?.name ?? '';
  const actionError = move.error ?? archive.error ?? mode.error;
  return (
    <>
      <PageHeader
        title="Queues"
        description="The work lists callbacks are filed into at intake. Agents take work from every queue of their clients, most urgent first; the order here is the order intake and the board list them in."
        actions={
          manage && clientId ? (
            <Button variant="primary" onClick={() => setEditing('new')}>
              Add queue
            </Button>
          ) : null
        }
      />
      <ClientPicker value={clientId} onChange={setClientId} />
      {clientId === null ? (
        clients.isPending ? (
          <Loading />
        ) : (
          <EmptyState title="No client yet">Add a client first (Clients): each new client starts with a General queue.</EmptyState>
        )
      ) : queues.isPending ? (
        <Loading />
      ) : queues.isError ? (
        <ErrorNotice error={queues.error} />
      ) : (
        <>
          <FormError message={actionError instanceof Error ? actionError.message : null} />
          <DataTable
            caption={`Queues of ${clientName}`}
            rows={items}
            rowKey={(q) => q.id}
            empty={<EmptyState title="No queues">Add a queue so intake has somewhere to file callbacks.</EmptyState>}
            columns={[
              {
                key: 'name',
                header: 'Name',
                render: (q) =>
                  manage ? (
                    <button type="button" className="row-link" onClick={() => setEditing(q)} aria-label={`Rename ${q.name}`}>
                      {q.name}
                    </button>
                  ) : (
                    q.name
                  ),
              },
              {
                key: 'status',
                header: 'Status',
                render: (q) => <span className={`badge ${q.status === 'active' ? 'badge-success' : ''}`}>{q.status === 'active' ? 'Takes callbacks' : 'Archived'}</span>,
              },
              {
                key: 'mode',
                header: 'Hands out work',
                render: (q: QueueView) =>
                  manage ? (
                    <select
                      aria-label={`How ${q.name} hands out work`}
                      value={q.assignmentMode}
                      disabled={mode.isPending}
                      onChange={(e) => mode.mutate({ q, assignmentMode: e.target.value as 'pull' | 'push' })}
                    >
                      <option value="pull">Agents take it (Next callback)</option>
                      <option value="push">Pushed to agents on duty, in turn</option>
                    </select>
                  ) : q.assignmentMode === 'push' ? (
                    'Pushed to agents on duty'
                  ) : (
                    'Agents take it'
                  ),
              },
              ...(manage
                ? [
                    {
                      key: 'order',
                      header: 'Order',
                      render: (q: QueueView) => {
                        const i = items.indexOf(q);
                        return (
                          <div className="button-row">
                            <Button small disabled={i === 0 || move.isPending} aria-label={`Move ${q.name} up`} onClick={() => move.mutate({ from: i, to: i - 1 })}>
                              ↑ Up
                            </Button>
                            <Button small disabled={i === items.length - 1 || move.isPending} aria-label={`Move ${q.name} down`} onClick={() => move.mutate({ from: i, to: i + 1 })}>
                              ↓ Down
                            </Button>
                          </div>
                        );
                      },
                    },
                    {
                      key: 'archive',
                      header: 'Actions',
                      render: (q: QueueView) => (
                        <Button small variant={q.status === 'active' ? 'ghost' : 'secondary'} busy={archive.isPending && archive.variables?.id === q.id} onClick={() => archive.mutate(q)}>
                          {q.status === 'active' ? 'Archive' : 'Restore'}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {items.length > 0 && items.every((q) => q.status === 'archived') ? (
            <div className="notice notice-warning" role="status">
              Every queue of {clientName} is archived, so intake cannot file a callback for it. Restore one or add a queue.
            </div>
          ) : null}
        </>
      )}
      {editing && clientId ? <QueueDialog clientId={clientId} queue={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function QueueDialog({ clientId, queue, onClose }: { clientId: string; queue: QueueView | null; onClose: () => void }) {
  const [name, setName] = useState(queue?.name ?? '');
  const queryClient = useQueryClient();
  const toast = useToast();
  const submit = useSubmit(
    () =>
      queue
        ? unwrap(api.PATCH('/api/queues/{id}', { params: { path: { id: queue.id } }, body: { name } }))
        : unwrap(api.POST('/api/queues', { body: { clientId, name } })),
    (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['queues'] });
      toast('success', queue ? `The queue is now called ${saved.name}.` : `${saved.name} was added.`);
      onClose();
    },
  );
  return (
    <Dialog title={queue ? `Rename ${queue.name}` : 'Add a queue'} open onClose={onClose}>
      <form className="form" onSubmit={submit.submit} noValidate>
        <TextField
          label="Name"
          name="name"
          required
          autoFocus
          maxLength={80}
          value={name}
          error={submit.fieldErrors.name}
          hint="What the work is, never who it is for: “Refills”, “Results”, “After hours”"
          onChange={(e) => setName(e.target.value)}
        />
        <FormFooter error={submit.formError} busy={submit.busy} onCancel={onClose}>
          {queue ? 'Save' : 'Add queue'}
        </FormFooter>
      </form>
    </Dialog>
  );
}
