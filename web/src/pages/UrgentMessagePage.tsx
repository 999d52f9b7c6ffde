import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { UrgentContent } from '../api/types';
import { useHideRevealed } from '../privacy';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { TextAreaField } from '../ui/TextAreaField';
import { ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { PRIORITY_LABELS, useClientZone, when } from './task-parts';
import { MessageTimeline, NextStep, Recipients, URGENT_STATUS_LABELS } from './urgent-parts';

/**
 * One urgent message: where the link in a page leads, after sign-in. Following the link is
 * recorded; the clinical content shows only when asked for (a logged reading); acknowledging
 * and replying are one tap each. Built for a phone.
 */
export function UrgentMessagePage() {
  const { id = '' } = useParams();
  const { categories, me } = useSession();
  const queryClient = useQueryClient();
  const toast = useToast();
  const zoneOf = useClientZone();
  const [content, setContent] = useState<UrgentContent | null>(null);
  const [reply, setReply] = useState('');
  const message = useQuery({ queryKey: ['urgent', id], queryFn: () => unwrap(api.GET('/api/urgent-messages/{id}', { params: { path: { id } } })), refetchInterval: 5000 });
  const timeline = useQuery({ queryKey: ['urgent', id, 'timeline'], queryFn: () => unwrap(api.GET('/api/urgent-messages/{id}/timeline', { params: { path: { id } }, headers: { 'x-ringfence-background': '1' } })), refetchInterval: 5000 });
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    void api.POST('/api/urgent-messages/{id}/opened', { params: { path: { id } } }).then(() => queryClient.invalidateQueries({ queryKey: ['urgent', id] }));
  }, [id, queryClient]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['urgent'] });
  const read = useMutation({ mutationFn: () => unwrap(api.GET('/api/urgent-messages/{id}/content', { params: { path: { id } } })), onSuccess: (c) => (setContent(c), refresh()) });
  useHideRevealed(() => {
    setContent(null);
    read.reset();
  });
  const ack = useMutation({
    mutationFn: () => unwrap(api.POST('/api/urgent-messages/{id}/acknowledge', { params: { path: { id } } })),
    onSuccess: (m) => (toast('success', m.status === 'acknowledged' && m.acknowledgedBy?.id === me.user.id ? 'Acknowledged: the escalation has stopped.' : 'Your acknowledgement was recorded.'), refresh()),
  });
  const send = useSubmit(
    () => unwrap(api.POST('/api/urgent-messages/{id}/replies', { params: { path: { id } }, body: { body: reply.trim() } })),
    () => {
      setReply('');
      toast('success', 'Reply sent: the agent sees it now.');
      refresh();
      if (content) read.mutate();
    },
  );
  if (message.isPending) return <Loading />;
  if (message.isError) return <ErrorNotice error={message.error} />;
  const m = message.data;
  const zone = zoneOf(m.clientId);
  const mayRead = categories(['read'], 'UrgentMessage', m.clientId).has('clinical') || m.mine !== null;
  const recipient = m.mine !== null;
  return (
    <div className="urgent-message">
      <PageHeader title={`Urgent message ${m.reference}`} description={`${m.clientName} · patient ${m.patientRef}`} tabTitle={m.reference} />
      <p>
        <span className={`badge badge-${m.priority}`}>{PRIORITY_LABELS[m.priority]}</span> {URGENT_STATUS_LABELS[m.status]} · sent {when(m.createdAt, zone)}
        {m.acknowledgedBy ? ` · acknowledged by ${m.acknowledgedBy.name} ${m.acknowledgedAt ? when(m.acknowledgedAt, zone) : ''}` : ''}
      </p>
      <NextStep message={m} />
      {recipient ? (
        <div className="urgent-actions">
          <Button variant="primary" block onClick={() => ack.mutate()} busy={ack.isPending} disabled={m.mine?.acknowledgedAt !== null}>
            {m.mine?.acknowledgedAt ? `Acknowledged ${when(m.mine.acknowledgedAt, zone)}` : 'Acknowledge'}
          </Button>
          {ack.error ? <ErrorNotice error={ack.error} /> : null}
        </div>
      ) : null}
      <section className="card" aria-labelledby="urgent-content">
        <h2 id="urgent-content">Message</h2>
        {content ? (
          <>
            <p className="message-body">{content.body}</p>
            <p className="muted small" role="status">
              Shown to you; this reading was logged.
            </p>
            {content.replies.length > 0 ? (
              <>
                <h3>Replies</h3>
                <ol className="messages">
                  {content.replies.map((r) => (
                    <li key={r.id}>
                      <p className="message-body">{r.body}</p>
                      <p className="muted small">
                        {r.authorName} · {when(r.createdAt, zone)}
                        {r.handledAt ? ` · handled ${when(r.handledAt, zone)}` : ''}
                      </p>
                    </li>
                  ))}
                </ol>
              </>
            ) : null}
          </>
        ) : mayRead ? (
          <Button block onClick={() => read.mutate()} busy={read.isPending}>
            Read message (logged)
          </Button>
        ) : (
          <p className="muted">The clinical content is for the provider and clinical staff; your roles show its status only.</p>
        )}
        {read.error ? <ErrorNotice error={read.error} /> : null}
      </section>
      {recipient ? (
        <form className="form card" onSubmit={send.submit} aria-labelledby="reply-title" noValidate>
          <h2 id="reply-title">Reply</h2>
          <TextAreaField
            label="Reply to the answering service"
            name="body"
            rows={3}
            maxLength={4000}
            value={reply}
            hint="Clinical, kept encrypted; the agent who took the call sees it at once"
            error={send.fieldErrors.body}
            onChange={(e) => {
              setReply(e.target.value);
              send.dismiss('body');
            }}
          />
          <FormFooter error={send.formError} busy={send.busy}>
            Send reply
          </FormFooter>
        </form>
      ) : null}
      <section className="card" aria-labelledby="urgent-steps">
        <h2 id="urgent-steps">Who was told, and when</h2>
        <Recipients message={m} timeZone={zone} />
        {timeline.data ? <MessageTimeline items={timeline.data.items} timeZone={zone} /> : timeline.isError ? <ErrorNotice error={timeline.error} /> : <Loading />}
      </section>
      {m.taskId && !recipient ? (
        <p>
          <Link to={`/callbacks?task=${m.taskId}`}>Open the callback</Link>
        </p>
      ) : null}
    </div>
  );
}
