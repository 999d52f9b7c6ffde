import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api, unwrap } from '../api/client';
import type { TaskView } from '../api/types';
import { useHideRevealed } from '../privacy';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { ErrorNotice, FormError } from '../ui/States';
import { TextAreaField } from '../ui/TextAreaField';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { when } from './task-parts';

interface ClinicalMessage {
  id: string;
  body: string;
  createdBy: string | null;
  createdAt: string;
}

/**
 * A callback's clinical messages (symptoms, medication questions), for the people whose roles
 * carry the clinical category for its client: nobody else sees that the section exists. Reading
 * is a logged PHI read, so messages load only when asked for and leave the screen with other
 * revealed details; writing needs no read, and adds to the list only when it is shown.
 */
export function ClinicalMessages({ task, count, authorName }: { task: TaskView; count: number; authorName: (id: string | null) => string | null }) {
  const { categories, me } = useSession();
  const mayRead = categories(['read'], 'ClinicalMessage', task.clientId).has('clinical');
  const mayWrite = categories(['create'], 'ClinicalMessage', task.clientId).has('clinical');
  const [shown, setShown] = useState<ClinicalMessage[] | null>(null);
  const [body, setBody] = useState('');
  const bodyId = useId();
  const queryClient = useQueryClient();
  const toast = useToast();
  const read = useMutation({
    mutationFn: () => unwrap(api.GET('/api/tasks/{id}/messages', { params: { path: { id: task.id } } })),
    onSuccess: (answer) => setShown(answer.items),
  });
  useHideRevealed(() => {
    setShown(null);
    read.reset();
  });
  const add = useSubmit(
    () => unwrap(api.POST('/api/tasks/{id}/messages', { params: { path: { id: task.id } }, body: { body: body.trim() } })),
    (saved) => {
      setShown((list) => (list ? [...list, { id: saved.id, body: body.trim(), createdBy: me.user.id, createdAt: saved.createdAt }] : list));
      setBody('');
      toast('success', 'Clinical message added');
      void queryClient.invalidateQueries({ queryKey: ['task', task.id] });
    },
  );
  if (!mayRead && !mayWrite) return null;
  const error = add.fieldErrors.body;
  return (
    <section className="clinical-messages" aria-labelledby={`${bodyId}-title`}>
      <h3 id={`${bodyId}-title`}>Clinical messages</h3>
      {shown ? (
        shown.length === 0 ? (
          <p className="muted">No clinical messages.</p>
        ) : (
          <ol className="messages">
            {shown.map((m) => (
              <li key={m.id}>
                <p className="message-body">{m.body}</p>
                <p className="muted small">
                  {when(m.createdAt)}
                  {authorName(m.createdBy) ? ` · ${authorName(m.createdBy)}` : ''}
                </p>
              </li>
            ))}
          </ol>
        )
      ) : (
        <p className="muted">{count === 0 ? 'No clinical messages yet.' : count === 1 ? '1 clinical message.' : `${count} clinical messages.`}</p>
      )}
      {mayRead && count > 0 && !shown ? (
        <Button onClick={() => read.mutate()} busy={read.isPending}>
          Show clinical messages (logged)
        </Button>
      ) : null}
      {shown ? (
        <p className="muted small" role="status">
          Shown for this callback. Reading them was logged.
        </p>
      ) : null}
      {read.error ? <ErrorNotice error={read.error} /> : null}
      {mayWrite ? (
        <form className="form" onSubmit={add.submit} noValidate>
          <TextAreaField
            label="New clinical message"
            name="body"
            rows={3}
            maxLength={4000}
            value={body}
            hint="Symptoms, medications, triage notes: kept encrypted, for clinical staff only"
            error={error}
            onChange={(e) => {
              setBody(e.target.value);
              add.dismiss('body');
            }}
          />
          <FormError message={add.formError} />
          <div className="form-actions start">
            <Button type="submit" busy={add.busy} disabled={!body.trim()}>
              Add clinical message
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
