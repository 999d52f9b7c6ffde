import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients, useLiveTasks } from '../api/queries';
import type { BoardRow, TaskView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';

function age(iso: string | null): string {
  if (!iso) return '—';
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  return minutes < 60 ? `${minutes} min` : minutes < 1440 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${Math.floor(minutes / 1440)} d`;
}

/**
 * The supervisor board: per client and queue, open work by status, SLA breaches highlighted
 * and the oldest task's age; overdue and escalated callbacks below, to escalate, reassign or
 * send back to the queue. Updates live as callbacks change.
 */
export function BoardPage() {
  const { can } = useSession();
  const clients = useClients();
  useLiveTasks();
  const queues = useQuery({ queryKey: ['queues', 'all'], queryFn: () => unwrap(api.GET('/api/queues', { params: { query: {} } })), enabled: can('read', 'Queue') });
  const board = useQuery({ queryKey: ['board'], queryFn: () => unwrap(api.GET('/api/board', { params: { query: {} } })), refetchInterval: 30_000 });
  const [filter, setFilter] = useState<'overdue' | 'escalated'>('overdue');
  const attention = useQuery({
    queryKey: ['tasks', 'attention', filter],
    queryFn: () =>
      unwrap(api.GET('/api/tasks', { params: { query: filter === 'overdue' ? { overdue: true, limit: 50 } : { status: ['escalated'], limit: 50 } } })),
    refetchInterval: 30_000,
  });
  if (!can('read', 'Task')) return <NoAccess what="the queue board" />;
  const clientName = (id: string) => clients.data?.items.find((c) => c.id === id)?.name ?? '—';
  const queueName = (id: string) => queues.data?.items.find((q) => q.id === id)?.name ?? '—';
  return (
    <>
      <PageHeader title="Queue board" description="Open callbacks per client and queue. Breaches are callbacks past their due time." />
      <section className="card" aria-labelledby="board-title">
        <h2 id="board-title">Open callbacks</h2>
      {board.isLoading ? (
        <Loading />
      ) : board.error ? (
        <ErrorNotice error={board.error} />
      ) : (
        <DataTable<BoardRow>
          caption="Open callbacks by queue"
          rows={board.data?.items ?? []}
          rowKey={(r) => r.queueId}
          empty={<p className="muted">No open callbacks.</p>}
          columns={[
            { key: 'client', header: 'Client', render: (r) => clientName(r.clientId) },
            { key: 'queue', header: 'Queue', render: (r) => queueName(r.queueId) },
            { key: 'open', header: 'Open', render: (r) => r.counts.open },
            { key: 'claimed', header: 'Claimed', render: (r) => r.counts.claimed },
            { key: 'waiting', header: 'Waiting', render: (r) => r.counts.waiting },
            { key: 'escalated', header: 'Escalated', render: (r) => r.counts.escalated },
            { key: 'breached', header: 'SLA breaches', render: (r) => <span className={r.breached ? 'board-breach' : ''}>{r.breached}</span> },
            { key: 'oldest', header: 'Oldest', render: (r) => age(r.oldestCreatedAt) },
          ]}
        />
      )}
      </section>
      <section className="card" aria-labelledby="attention-title">
        <h2 id="attention-title">Needs attention</h2>
        <div className="outcomes" role="group" aria-label="Show">
          <Button small variant={filter === 'overdue' ? 'primary' : 'secondary'} onClick={() => setFilter('overdue')}>
            Overdue
          </Button>
          <Button small variant={filter === 'escalated' ? 'primary' : 'secondary'} onClick={() => setFilter('escalated')}>
            Escalated
          </Button>
        </div>
        {attention.isLoading ? <Loading /> : attention.error ? <ErrorNotice error={attention.error} /> : <AttentionTable tasks={attention.data?.items ?? []} clientName={clientName} />}
      </section>
    </>
  );
}

function AttentionTable({ tasks, clientName }: { tasks: TaskView[]; clientName: (id: string) => string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const toast = useToast();
  const act = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { escalate: true } | { assigneeId: null } }) => unwrap(api.POST('/api/tasks/{id}/supervise', { params: { path: { id } }, body })),
    onSuccess: (task) => {
      toast('success', `${task.patientRef}: now ${task.status}`);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
    },
    onError: (err) => toast('error', err.message),
  });
  return (
    <DataTable<TaskView>
      caption="Callbacks needing attention"
      rows={tasks}
      rowKey={(t) => t.id}
      empty={<p className="muted">Nothing here.</p>}
      columns={[
        { key: 'client', header: 'Client', render: (t) => clientName(t.clientId) },
        { key: 'title', header: 'Callback', render: (t) => t.title },
        { key: 'ref', header: 'Patient', render: (t) => <code>{t.patientRef}</code> },
        { key: 'priority', header: 'Priority', render: (t) => <span className={`badge badge-${t.priority}`}>{t.priority}</span> },
        { key: 'status', header: 'Status', render: (t) => `${t.status} · ${t.attemptCount} tries` },
        { key: 'due', header: 'Late by', render: (t) => <span className="board-breach">{age(t.dueAt)}</span> },
        ...(can('manage', 'Task')
          ? [
              {
                key: 'actions',
                header: 'Actions',
                render: (t: TaskView) => (
                  <span className="outcomes">
                    {t.status !== 'escalated' ? (
                      <Button small onClick={() => act.mutate({ id: t.id, body: { escalate: true } })}>
                        Escalate
                      </Button>
                    ) : null}
                    <Button small onClick={() => act.mutate({ id: t.id, body: { assigneeId: null } })}>
                      Back to queue
                    </Button>
                  </span>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
