import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useClients, useLiveTasks } from '../api/queries';
import type { BoardRow, StaffMember, TaskView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { DataTable } from '../ui/DataTable';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/Field';
import { ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { age, AttemptHistory, PatientRef, PRIORITY_LABELS, STATUS_LABELS, statusText, tries, useClientZone, when } from './task-parts';
import { ClinicalMessages } from './ClinicalMessages';

/** What the list below the board shows. */
const VIEWS = [
  ['overdue', 'Overdue'],
  ['escalated', 'Escalated'],
  ['claimed', 'Being worked'],
  ['open', 'All open'],
] as const;
type View = (typeof VIEWS)[number][0];

const VIEW_QUERY: Record<View, { overdue?: true; status?: ('open' | 'claimed' | 'waiting' | 'escalated')[] }> = {
  overdue: { overdue: true },
  escalated: { status: ['escalated'] },
  claimed: { status: ['claimed'] },
  open: { status: ['open', 'claimed', 'waiting', 'escalated'] },
};

interface Filters {
  clientId: string;
  queueId: string;
  /** '' anyone, 'none' unassigned, or a person's id. */
  assignee: string;
}

/** Active people who hold a role for this client (or for every client): whom a task of it may go to. */
function workersOf(people: StaffMember[], clientId: string): StaffMember[] {
  return people.filter((p) => p.status === 'active' && p.roles.some((r) => r.clientId === clientId || r.clientId === null));
}

/**
 * The supervisor board: per client and queue, open work by status, SLA breaches highlighted
 * and the oldest task's age; below, the callbacks that need attention, filtered by client,
 * queue and assignee, each with its attempt history, to escalate, reassign to a person or send
 * back to the queue. Updates live as callbacks change.
 */
export function BoardPage() {
  const { can } = useSession();
  const clients = useClients();
  useLiveTasks();
  const queues = useQuery({ queryKey: ['queues', 'all'], queryFn: () => unwrap(api.GET('/api/queues', { params: { query: {} } })), enabled: can('read', 'Queue') });
  const people = useQuery({ queryKey: ['users', 'all'], queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200 } } })), enabled: can('read', 'User') });
  const [filters, setFilters] = useState<Filters>({ clientId: '', queueId: '', assignee: '' });
  const [view, setView] = useState<View>('overdue');
  const [historyOf, setHistoryOf] = useState<TaskView | null>(null);
  const board = useQuery({
    queryKey: ['board', filters.clientId],
    queryFn: () => unwrap(api.GET('/api/board', { params: { query: filters.clientId ? { clientId: filters.clientId } : {} } })),
    refetchInterval: 30_000,
  });
  const attention = useQuery({
    queryKey: ['tasks', 'attention', view, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/tasks', {
          params: {
            query: {
              ...VIEW_QUERY[view],
              ...(filters.clientId ? { clientId: filters.clientId } : {}),
              ...(filters.queueId ? { queueId: filters.queueId } : {}),
              ...(filters.assignee ? { assignee: filters.assignee } : {}),
              limit: 50,
            },
          },
        }),
      ),
    refetchInterval: 30_000,
  });
  if (!can('read', 'Task')) return <NoAccess what="the queue board" />;
  const clientName = (id: string) => clients.data?.items.find((c) => c.id === id)?.name ?? '—';
  const queueName = (id: string) => queues.data?.items.find((q) => q.id === id)?.name ?? '—';
  const personName = (id: string | null) => (id ? (people.data?.items.find((p) => p.id === id)?.displayName ?? null) : null);
  const queueChoices = (queues.data?.items ?? []).filter((q) => !filters.clientId || q.clientId === filters.clientId);
  const peopleChoices = filters.clientId ? workersOf(people.data?.items ?? [], filters.clientId) : (people.data?.items ?? []).filter((p) => p.status === 'active');
  const boardRows = (board.data?.items ?? []).filter((r) => !filters.queueId || r.queueId === filters.queueId);
  return (
    <>
      <PageHeader title="Queue board" description="Open callbacks per client and queue. Breaches are callbacks past their due time." />
      <div className="toolbar board-filters" role="search" aria-label="Filter the board">
        <SelectField label="Client" value={filters.clientId} onChange={(e) => setFilters({ clientId: e.target.value, queueId: '', assignee: filters.assignee })}>
          <option value="">All clients</option>
          {(clients.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Queue" value={filters.queueId} onChange={(e) => setFilters({ ...filters, queueId: e.target.value })}>
          <option value="">All queues</option>
          {queueChoices.map((q) => (
            <option key={q.id} value={q.id}>
              {filters.clientId ? q.name : `${clientName(q.clientId)} · ${q.name}`}
            </option>
          ))}
        </SelectField>
        <SelectField label="Assignee" value={filters.assignee} onChange={(e) => setFilters({ ...filters, assignee: e.target.value })}>
          <option value="">Anyone</option>
          <option value="none">Unassigned</option>
          {peopleChoices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </SelectField>
      </div>
      <section className="card" aria-labelledby="board-title">
        <h2 id="board-title">Open callbacks</h2>
        {board.isLoading ? (
          <Loading />
        ) : board.error ? (
          <ErrorNotice error={board.error} />
        ) : (
          <DataTable<BoardRow>
            caption="Open callbacks by queue"
            rows={boardRows}
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
      <AgentsAtWork />
      <section className="card" aria-labelledby="attention-title">
        <h2 id="attention-title">Callbacks</h2>
        <div className="outcomes" role="group" aria-label="Show">
          {VIEWS.map(([value, label]) => (
            <Button key={value} small variant={view === value ? 'primary' : 'secondary'} aria-pressed={view === value} onClick={() => setView(value)}>
              {label}
            </Button>
          ))}
        </div>
        {attention.isLoading ? (
          <Loading />
        ) : attention.error ? (
          <ErrorNotice error={attention.error} />
        ) : (
          <AttentionTable tasks={attention.data?.items ?? []} total={attention.data?.total ?? 0} clientName={clientName} personName={personName} onHistory={setHistoryOf} />
        )}
      </section>
      <Dialog title={historyOf ? `${historyOf.title} · ${historyOf.patientRef}` : 'Callback'} open={historyOf !== null} onClose={() => setHistoryOf(null)}>
        {historyOf ? <TaskHistory taskId={historyOf.id} personName={personName} clientName={clientName} /> : null}
      </Dialog>
    </>
  );
}

/** One callback's attempt history, and (for supervisors) reassignment to a person of its client. */
function TaskHistory({ taskId, personName, clientName }: { taskId: string; personName: (id: string | null) => string | null; clientName: (id: string) => string }) {
  const { can } = useSession();
  const detail = useQuery({ queryKey: ['task', taskId], queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id: taskId } } })) });
  const supervise = useSupervise();
  const zoneOf = useClientZone();
  const [assignee, setAssignee] = useState('');
  // Only people who can work this callback: of its client, active, with current training.
  const assignees = useQuery({
    queryKey: ['task', taskId, 'assignees'],
    queryFn: () => unwrap(api.GET('/api/tasks/{id}/assignees', { params: { path: { id: taskId } } })),
    enabled: can('manage', 'Task'),
  });
  if (detail.isLoading) return <Loading />;
  if (detail.error || !detail.data) return <ErrorNotice error={detail.error} />;
  const { task, attempts, messages } = detail.data;
  const open = task.status !== 'completed' && task.status !== 'cancelled';
  const zone = zoneOf(task.clientId);
  return (
    <div className="task-history">
      <dl className="details">
        <dt>Client</dt>
        <dd>{clientName(task.clientId)}</dd>
        <dt>Status</dt>
        <dd>
          {STATUS_LABELS[task.status]}
          {task.assigneeId ? ` · ${personName(task.assigneeId) ?? 'someone'}` : ''}
        </dd>
        <dt>Due</dt>
        <dd className={task.overdue ? 'board-breach' : ''}>
          {when(task.dueAt, zone)}
          {task.overdue ? ` · late by ${age(task.dueAt)}` : ''}
        </dd>
        <dt>Received</dt>
        <dd>{when(task.createdAt, zone)}</dd>
      </dl>
      <h3>Attempts {attempts.length ? <span className="muted small">({tries(attempts.length)})</span> : null}</h3>
      <AttemptHistory attempts={attempts} agentName={personName} />
      <ClinicalMessages task={task} count={messages} authorName={personName} />
      {open && can('manage', 'Task') ? (
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            if (assignee) supervise.mutate({ id: task.id, body: { assigneeId: assignee } });
          }}
        >
          <SelectField
            label="Assign to"
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            hint={assignees.data?.items.length === 0 ? 'Nobody can take this callback now: the client needs a BAA in effect, and its agents current training.' : 'Agents and supervisors of this client with current training'}
          >
            <option value="">Choose a person…</option>
            {(assignees.data?.items ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
          <Button type="submit" disabled={!assignee || supervise.isPending}>
            Assign
          </Button>
        </form>
      ) : null}
    </div>
  );
}

type SuperviseBody = { escalate: true } | { assigneeId: string | null };

function useSupervise() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SuperviseBody }) => unwrap(api.POST('/api/tasks/{id}/supervise', { params: { path: { id } }, body })),
    onSuccess: (task) => {
      toast('success', `${task.patientRef}: now ${task.status}`);
      for (const key of ['tasks', 'task', 'board']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
    onError: (err) => toast('error', err.message),
  });
}

function AttentionTable({
  tasks,
  total,
  clientName,
  personName,
  onHistory,
}: {
  tasks: TaskView[];
  total: number;
  clientName: (id: string) => string;
  personName: (id: string | null) => string | null;
  onHistory: (task: TaskView) => void;
}) {
  const { can } = useSession();
  const act = useSupervise();
  const zoneOf = useClientZone();
  return (
    <>
      <DataTable<TaskView>
        caption="Callbacks needing attention"
        rows={tasks}
        rowKey={(t) => t.id}
        empty={<p className="muted">Nothing here.</p>}
        columns={[
          { key: 'client', header: 'Client', render: (t) => clientName(t.clientId) },
          { key: 'title', header: 'Callback', render: (t) => t.title },
          { key: 'ref', header: 'Patient', render: (t) => <PatientRef value={t.patientRef} /> },
          { key: 'priority', header: 'Priority', render: (t) => <span className={`badge badge-${t.priority}`}>{PRIORITY_LABELS[t.priority]}</span> },
          { key: 'status', header: 'Status', render: (t) => statusText(t) },
          { key: 'assignee', header: 'With', render: (t) => personName(t.assigneeId) ?? (t.assigneeId ? 'someone' : '—') },
          { key: 'due', header: 'Due', render: (t) => (t.overdue ? <span className="board-breach nowrap">late by {age(t.dueAt)}</span> : <span className="nowrap">{when(t.dueAt, zoneOf(t.clientId))}</span>) },
          {
            key: 'actions',
            header: 'Actions',
            render: (t: TaskView) => (
              <span className="outcomes">
                <Button small variant="secondary" onClick={() => onHistory(t)}>
                  History
                </Button>
                {can('manage', 'Task') && t.status !== 'escalated' ? (
                  <Button small onClick={() => act.mutate({ id: t.id, body: { escalate: true } })}>
                    Escalate
                  </Button>
                ) : null}
                {can('manage', 'Task') && (t.assigneeId !== null || t.status === 'escalated') ? (
                  <Button small onClick={() => act.mutate({ id: t.id, body: { assigneeId: null } })}>
                    Back to queue
                  </Button>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      {total > tasks.length ? <p className="muted">Showing the first {tasks.length} of {total}; narrow the filters to see the rest.</p> : null}
    </>
  );
}

/** Who is working what: each person on duty or holding callbacks, how many, and since when. */
function AgentsAtWork() {
  const agents = useQuery({ queryKey: ['board', 'agents'], queryFn: () => unwrap(api.GET('/api/board/agents')), refetchInterval: 30_000 });
  return (
    <section className="card" aria-labelledby="agents-title">
      <h2 id="agents-title">Who is working what</h2>
      {agents.isLoading ? (
        <Loading />
      ) : agents.error ? (
        <ErrorNotice error={agents.error} />
      ) : (
        <DataTable
          caption="Agents and their callbacks"
          rows={agents.data?.items ?? []}
          rowKey={(a) => a.userId}
          empty={<p className="muted">Nobody is on duty or holding a callback.</p>}
          columns={[
            { key: 'name', header: 'Person', render: (a) => a.displayName },
            { key: 'duty', header: 'Pushed callbacks', render: (a) => <span className={`badge ${a.onDuty ? 'badge-success' : ''}`}>{a.onDuty ? 'On duty' : 'Off duty'}</span> },
            { key: 'claimed', header: 'Holding', render: (a) => (a.claimed === 1 ? '1 callback' : `${a.claimed} callbacks`) },
            { key: 'oldest', header: 'Oldest claim', render: (a) => (a.oldestClaimedAt ? `${age(a.oldestClaimedAt)} ago` : '—') },
          ]}
        />
      )}
    </section>
  );
}
