import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { TaskView, UrgentContent, UrgentView } from '../api/types';
import { useHideRevealed } from '../privacy';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { ErrorNotice, Loading } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { when } from './task-parts';
import { NextStep, Recipients, ROLE_LABELS, URGENT_STATUS_LABELS } from './urgent-parts';

/**
 * A callback's pages to the on-call provider: "Page on-call" (who will be paged is shown
 * before sending), and each page's live status: paged, read, acknowledged, escalated to whom,
 * with the provider's replies for the agent to act on and mark handled.
 */
export function TaskPages({ task, timeZone }: { task: TaskView; timeZone?: string }) {
  const { can, categories } = useSession();
  const [paging, setPaging] = useState(false);
  const pages = useQuery({
    queryKey: ['task', task.id, 'pages'],
    queryFn: () => unwrap(api.GET('/api/urgent-messages', { params: { query: { taskId: task.id, view: 'all' } }, headers: { 'x-ringfence-background': '1' } })),
    enabled: can('read', 'UrgentMessage'),
  });
  const mayPage = categories(['create'], 'UrgentMessage', task.clientId).has('operational');
  if (!can('read', 'UrgentMessage') && !mayPage) return null;
  const items = pages.data?.items ?? [];
  return (
    <section className="task-pages" aria-labelledby="task-pages-title">
      <h3 id="task-pages-title">On-call pages</h3>
      {pages.isPending ? <Loading /> : pages.isError ? <ErrorNotice error={pages.error} /> : items.length === 0 ? <p className="muted">No page sent for this callback.</p> : items.map((m) => <PageStatus key={m.id} message={m} timeZone={timeZone} />)}
      {mayPage ? (
        <Button variant="danger" onClick={() => setPaging(true)}>
          Page on-call
        </Button>
      ) : null}
      <Dialog title="Page the on-call provider" open={paging} onClose={() => setPaging(false)}>
        {paging ? <PageForm about={{ taskId: task.id, clientId: task.clientId, priority: task.priority }} onDone={() => setPaging(false)} /> : null}
      </Dialog>
    </section>
  );
}

function PageStatus({ message: m, timeZone }: { message: UrgentView; timeZone?: string }) {
  const { categories } = useSession();
  const queryClient = useQueryClient();
  const [content, setContent] = useState<UrgentContent | null>(null);
  const read = useMutation({ mutationFn: () => unwrap(api.GET('/api/urgent-messages/{id}/content', { params: { path: { id: m.id } } })), onSuccess: setContent });
  useHideRevealed(() => setContent(null));
  const handled = useMutation({
    mutationFn: (replyId: string) => unwrap(api.POST('/api/urgent-messages/{id}/replies/{replyId}/handled', { params: { path: { id: m.id, replyId } } })),
    onSuccess: () => {
      read.mutate();
      void queryClient.invalidateQueries({ queryKey: ['task'] });
    },
  });
  const clinical = categories(['read'], 'UrgentMessage', m.clientId).has('clinical');
  return (
    <div className={`page-status page-status-${m.status}`} data-page={m.reference}>
      <p>
        <strong>{m.reference}</strong> · <span className="page-state">{URGENT_STATUS_LABELS[m.status]}</span>
        {m.acknowledgedBy ? ` by ${m.acknowledgedBy.name}${m.acknowledgedAt ? `, ${when(m.acknowledgedAt, timeZone)}` : ''}` : ''}
      </p>
      <NextStep message={m} />
      <Recipients message={m} timeZone={timeZone} />
      {m.replies.total > 0 ? (
        <div className={m.replies.unhandled > 0 ? 'notice notice-warning' : 'notice'} role="status">
          {m.replies.unhandled > 0 ? `The provider replied (${m.replies.unhandled} not yet handled).` : 'The provider replied; every reply is handled.'}{' '}
          {clinical && !content ? (
            <Button small onClick={() => read.mutate()} busy={read.isPending}>
              Show replies (logged)
            </Button>
          ) : null}
          {!clinical ? ' Ask a clinical colleague or a supervisor to read it.' : null}
        </div>
      ) : null}
      {read.error ? <ErrorNotice error={read.error} /> : null}
      {handled.error ? <ErrorNotice error={handled.error} /> : null}
      {content ? (
        <ol className="messages">
          {content.replies.map((r) => (
            <li key={r.id}>
              <p className="message-body">{r.body}</p>
              <p className="muted small">
                {r.authorName} · {when(r.createdAt, timeZone)}{' '}
                {r.handledAt ? (
                  `· handled ${when(r.handledAt, timeZone)}`
                ) : (
                  <Button small onClick={() => handled.mutate(r.id)} busy={handled.isPending}>
                    Mark handled
                  </Button>
                )}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/** What a page is about: a callback, or a patient directly (no callback yet). */
export type PageSubject = { clientId: string; priority?: TaskView['priority'] } & ({ taskId: string } | { patientId: string });

/** The page itself: who will be paged (before sending), the priority, and the message for those who may write clinical detail. */
export function PageForm({ about, onDone }: { about: PageSubject; onDone: () => void }) {
  const { categories } = useSession();
  // Clinical detail is written by those whose roles carry it; anyone else's page asks the provider to call.
  const writesBody = categories(['create'], 'UrgentMessage', about.clientId).has('clinical');
  const queryClient = useQueryClient();
  const toast = useToast();
  const [body, setBody] = useState('');
  const [priority, setPriority] = useState<'emergent' | 'urgent'>(about.priority === 'urgent' ? 'urgent' : 'emergent');
  const preview = useQuery({ queryKey: ['on-call', 'preview', about.clientId], queryFn: () => unwrap(api.GET('/api/clients/{id}/on-call/preview', { params: { path: { id: about.clientId } } })) });
  const target = 'taskId' in about ? { taskId: about.taskId } : { patientId: about.patientId };
  const submit = useSubmit(
    () => unwrap(api.POST('/api/urgent-messages', { body: { ...target, priority, ...(writesBody ? { body: body.trim() } : {}) } })),
    (m) => {
      toast('success', `Page ${m.reference} sent.`);
      void queryClient.invalidateQueries({ queryKey: ['task'] });
      void queryClient.invalidateQueries({ queryKey: ['patient'] });
      onDone();
    },
  );
  const p = preview.data;
  const name = (id: string) => p?.names[id] || 'someone';
  const unreachable = (id: string) => (p && !p.reachable[id] ? ' (no verified contact point: paged at their account e-mail)' : '');
  return (
    <form className="form" onSubmit={submit.submit} noValidate>
      <div className="page-preview" aria-live="polite">
        <h3>Will be paged</h3>
        {preview.isPending ? (
          <Loading />
        ) : preview.isError ? (
          <ErrorNotice error={preview.error} />
        ) : p && p.roster.primary ? (
          <ol>
            <li>
              {name(p.roster.primary)} ({ROLE_LABELS.primary}){unreachable(p.roster.primary)}
            </li>
            {p.roster.backups.map((b) => (
              <li key={b}>
                then {name(b)} ({ROLE_LABELS.backup}){unreachable(b)}
              </li>
            ))}
            {p.supervisors.length > 0 ? <li>then the supervisors: {p.supervisors.map(name).join(', ')}</li> : null}
          </ol>
        ) : (
          <p className="notice notice-warning">Nobody is on call for this client now. The page becomes an emergent callback at once and the supervisors are told.</p>
        )}
        {p?.roster.source ? <p className="muted small">{p.roster.source.kind === 'override' ? 'Decided by an override of the schedule.' : `Decided by the rotation ${p.roster.source.rotationName}.`}</p> : null}
      </div>
      <SelectField label="Priority" name="priority" value={priority} onChange={(e) => setPriority(e.target.value as 'emergent' | 'urgent')}>
        <option value="emergent">Emergent</option>
        <option value="urgent">Urgent</option>
      </SelectField>
      {writesBody ? (
        <TextAreaField
          label="Message for the provider"
          name="body"
          rows={4}
          maxLength={4000}
          value={body}
          hint="Clinical detail is fine here: it is encrypted and shown only after the provider signs in. The page itself says only “urgent message” and the client’s name."
          error={submit.fieldErrors.body}
          onChange={(e) => {
            setBody(e.target.value);
            submit.dismiss('body');
          }}
        />
      ) : (
        <p className="muted">The provider is asked to call the answering service about this patient; a clinical colleague can add what they need to know.</p>
      )}
      <FormFooter error={submit.formError} busy={submit.busy} onCancel={onDone}>
        Send page
      </FormFooter>
    </form>
  );
}
