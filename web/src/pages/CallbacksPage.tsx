import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useCurrentClient, useLiveTasks } from '../api/queries';
import type { TaskView } from '../api/types';
import { NoAccess } from '../AppShell';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { ClientPicker } from '../ui/ClientPicker';
import { DataTable } from '../ui/DataTable';
import { Checkbox } from '../ui/Field';
import { EmptyState, ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { IntakeDialog } from './IntakeDialog';
import { TaskPanel } from './TaskPanel';
import { Due, PatientRef, PRIORITY_LABELS, statusText, useKeys } from './task-parts';

/**
 * The agent console: my callbacks and the client's queue, "next callback" with one key (n),
 * intake with another (i), and the task being worked: contact revealed on demand (logged),
 * the client's voicemail script, attempts by outcome button or digit key, completion with a
 * follow-up. Lists carry patient references only.
 */
export function CallbacksPage() {
  const { can } = useSession();
  const [clientId, setClientId] = useCurrentClient();
  useLiveTasks();
  // A link from elsewhere (an urgent message's "Open the callback") names the callback to open.
  const [selected, setSelected] = useState<string | null>(() => new URLSearchParams(window.location.search).get('task'));
  const [intake, setIntake] = useState(false);
  const toast = useToast();
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['tasks', 'mine'],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { assignee: 'me', status: ['claimed'], limit: 50 } } })),
    refetchInterval: 30_000,
  });
  const queue = useQuery({
    queryKey: ['tasks', 'queue', clientId],
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { clientId: clientId!, status: ['open', 'waiting', 'escalated'], limit: 50 } } })),
    enabled: !!clientId,
    refetchInterval: 30_000,
  });
  const claim = useMutation({
    mutationFn: async () => {
      const answer = await api.POST('/api/tasks/claim-next', { body: clientId ? { clientId } : {} });
      if (answer.response.status === 204) return null;
      // A refusal (no BAA, training lapsed) carries its problem: unwrap turns it into the sentence shown.
      return unwrap(Promise.resolve(answer));
    },
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['task'] });
      if (task) setSelected(task.id);
      else toast('info', 'Nothing is waiting in your queues right now');
    },
  });
  useKeys({ n: () => claim.mutate(), i: () => setIntake(true) });
  if (!can('read', 'Task')) return <NoAccess what="callbacks" />;
  return (
    <>
      <PageHeader
        title="Callbacks"
        description="Work the most urgent callback first. Names and numbers show only when you reveal them; every reveal is logged."
        actions={
          <>
            {can('create', 'Task') ? (
              <Button onClick={() => setIntake(true)}>
                New intake <span className="kbd">i</span>
              </Button>
            ) : null}
            {can('update', 'Task') ? (
              <Button variant="primary" busy={claim.isPending} onClick={() => claim.mutate()}>
                Next callback <span className="kbd">n</span>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="toolbar console-toolbar">
        <ClientPicker value={clientId} onChange={setClientId} className="narrow" />
        {can('update', 'Task') ? <DutySwitch /> : null}
      </div>
      {claim.error ? <ErrorNotice error={claim.error} /> : null}
      <div className="console">
        <div className="console-lists">
          <section className="card" aria-labelledby="mine-title">
            <h2 id="mine-title">My callbacks</h2>
            {mine.isLoading ? <Loading /> : mine.error ? <ErrorNotice error={mine.error} /> : <TaskList caption="My callbacks" tasks={mine.data?.items ?? []} onOpen={setSelected} empty="Press n for the next callback." />}
          </section>
          <section className="card" aria-labelledby="queue-title">
            <h2 id="queue-title">Waiting</h2>
            {queue.isLoading ? <Loading /> : queue.error ? <ErrorNotice error={queue.error} /> : <TaskList caption="Waiting callbacks" tasks={queue.data?.items ?? []} onOpen={setSelected} empty="No callbacks are waiting." />}
          </section>
        </div>
        <div className="console-task">{selected ? <TaskPanel key={selected} id={selected} onClosed={() => setSelected(null)} /> : <EmptyState title="No callback open">Take the next one with n, or pick one from a list.</EmptyState>}</div>
      </div>
      {intake && clientId ? (
        <IntakeDialog
          clientId={clientId}
          onClose={() => setIntake(false)}
          onCreated={(task) => {
            setIntake(false);
            setSelected(task.id);
          }}
        />
      ) : null}
    </>
  );
}

function TaskList({ caption, tasks, onOpen, empty }: { caption: string; tasks: TaskView[]; onOpen: (id: string) => void; empty: string }) {
  return (
    <DataTable
      caption={caption}
      rows={tasks}
      rowKey={(t) => t.id}
      empty={<p className="muted">{empty}</p>}
      columns={[
        { key: 'priority', header: 'Priority', render: (t) => <span className={`badge badge-${t.priority}`}>{PRIORITY_LABELS[t.priority]}</span> },
        {
          key: 'title',
          header: 'Callback',
          render: (t) => (
            <button type="button" className="link-button" onClick={() => onOpen(t.id)}>
              {t.title}
            </button>
          ),
        },
        { key: 'ref', header: 'Patient', render: (t) => <PatientRef value={t.patientRef} /> },
        { key: 'due', header: 'Due', render: (t) => <Due task={t} /> },
        { key: 'status', header: 'Status', render: (t) => statusText(t) },
      ]}
    />
  );
}

/** On duty, push queues of the person's clients hand them callbacks (up to the client's capacity) without "Next callback". */
function DutySwitch() {
  const queryClient = useQueryClient();
  const duty = useQuery({ queryKey: ['duty'], queryFn: () => unwrap(api.GET('/api/duty')) });
  const change = useMutation({
    mutationFn: (onDuty: boolean) => unwrap(api.PUT('/api/duty', { body: { onDuty } })),
    // The switch moves at once; a refusal puts it back (and says why below it).
    onMutate: (onDuty) => {
      const before = queryClient.getQueryData<{ onDuty: boolean }>(['duty']);
      queryClient.setQueryData(['duty'], { onDuty });
      return { before };
    },
    onError: (_err, _onDuty, saved) => queryClient.setQueryData(['duty'], saved?.before),
    onSuccess: (answer) => {
      queryClient.setQueryData(['duty'], answer);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  if (!duty.data) return null;
  return (
    <div className="duty-switch">
      <Checkbox
        label={duty.data.onDuty ? 'On duty: push queues hand me callbacks' : 'Off duty for pushed callbacks'}
        checked={duty.data.onDuty}
        onChange={(e) => change.mutate(e.target.checked)}
      />
      {change.error ? <FormError message={change.error.message} /> : null}
    </div>
  );
}
