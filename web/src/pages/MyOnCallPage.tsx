import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { ContactPointView } from '../api/types';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { FormFooter } from '../ui/FormFooter';
import { EmptyState, ErrorNotice, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { when } from './task-parts';

const KIND_LABELS: Record<ContactPointView['kind'], string> = { email: 'E-mail', sms: 'SMS', webhook: 'Webhook' };

/**
 * A provider's own on-call setup: the contact points pages go to, in order, each verified with
 * a code sent through it (an unverified one never carries a page), and a calendar feed of
 * their shifts for their phone's calendar.
 */
export function MyOnCallPage() {
  const { me } = useSession();
  const userId = me.user.id;
  const queryClient = useQueryClient();
  const contacts = useQuery({ queryKey: ['contact-points', userId], queryFn: () => unwrap(api.GET('/api/people/{id}/contact-points', { params: { path: { id: userId } } })) });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['contact-points', userId] });
  const remove = useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/people/{id}/contact-points/{contactId}', { params: { path: { id: userId, contactId: id } } })), onSettled: refresh });
  const move = useMutation({ mutationFn: (ids: string[]) => unwrap(api.PUT('/api/people/{id}/contact-points/order', { params: { path: { id: userId } }, body: { ids } })), onSettled: refresh });
  const items = contacts.data?.items ?? [];
  return (
    <>
      <PageHeader title="My on-call" description="Where urgent pages reach you, in the order they are tried, and your shifts in your own calendar. Pages never carry patient information: you sign in to read them." />
      <section className="card" aria-labelledby="contacts-title">
        <h2 id="contacts-title">Contact points</h2>
        {contacts.isPending ? (
          <Loading />
        ) : contacts.isError ? (
          <ErrorNotice error={contacts.error} />
        ) : items.length === 0 ? (
          <EmptyState title="No contact points yet">Add your work e-mail or mobile number: until one is verified, the schedule counts your shifts as gaps.</EmptyState>
        ) : (
          <ol className="contact-points">
            {items.map((c, i) => (
              <li key={c.id}>
                <strong>{KIND_LABELS[c.kind]}</strong> {c.address} <span className={`badge ${c.verified ? 'badge-success' : 'badge-warning'}`}>{c.verified ? 'Verified' : 'Not verified'}</span>
                {!c.verified ? <VerifyForm userId={userId} contact={c} onDone={refresh} /> : null}
                <div className="form-actions start">
                  {i > 0 ? (
                    <Button small onClick={() => move.mutate(items.map((x) => x.id).toSpliced(i - 1, 2, c.id, items[i - 1]!.id))}>
                      Try earlier
                    </Button>
                  ) : null}
                  <Button small variant="ghost" onClick={() => remove.mutate(c.id)} busy={remove.isPending && remove.variables === c.id}>
                    Remove
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        )}
        {remove.error ? <ErrorNotice error={remove.error} /> : null}
        {move.error ? <ErrorNotice error={move.error} /> : null}
        <AddContactForm userId={userId} onDone={refresh} />
      </section>
      <CalendarFeed />
    </>
  );
}

function AddContactForm({ userId, onDone }: { userId: string; onDone: () => void }) {
  const toast = useToast();
  const [kind, setKind] = useState<ContactPointView['kind']>('sms');
  const [address, setAddress] = useState('');
  const submit = useSubmit(
    () => unwrap(api.POST('/api/people/{id}/contact-points', { params: { path: { id: userId } }, body: { kind, address } })),
    (added) => {
      setAddress('');
      toast(added.codeSent ? 'success' : 'error', added.codeSent ? `A code was sent to ${added.address}: type it in to verify it.` : `Added, but no ${KIND_LABELS[added.kind]} channel is enabled to send the code; ask an administrator to set one up under Notifications.`);
      onDone();
    },
  );
  return (
    <form className="form" onSubmit={submit.submit} noValidate aria-labelledby="add-contact-title">
      <h3 id="add-contact-title">Add a contact point</h3>
      <div className="inline-fields">
        <SelectField label="Kind" name="kind" value={kind} error={submit.fieldErrors.kind} onChange={(e) => setKind(e.target.value as ContactPointView['kind'])}>
          <option value="sms">SMS to a mobile number</option>
          <option value="email">Work e-mail</option>
          <option value="webhook">Webhook (your paging system)</option>
        </SelectField>
        <TextField
          label={kind === 'sms' ? 'Mobile number' : kind === 'email' ? 'E-mail address' : 'Webhook address'}
          name="address"
          value={address}
          inputMode={kind === 'sms' ? 'tel' : kind === 'email' ? 'email' : 'url'}
          error={submit.fieldErrors.address}
          onChange={(e) => {
            setAddress(e.target.value);
            submit.dismiss('address');
          }}
        />
      </div>
      <FormFooter error={submit.formError} busy={submit.busy}>
        Add and send a code
      </FormFooter>
    </form>
  );
}

function VerifyForm({ userId, contact, onDone }: { userId: string; contact: ContactPointView; onDone: () => void }) {
  const toast = useToast();
  const [code, setCode] = useState('');
  const submit = useSubmit(
    () => unwrap(api.POST('/api/people/{id}/contact-points/{contactId}/verify', { params: { path: { id: userId, contactId: contact.id } }, body: { code } })),
    () => {
      toast('success', `${contact.address} is verified: pages can reach you there.`);
      onDone();
    },
  );
  const resend = useMutation({ mutationFn: () => unwrap(api.POST('/api/people/{id}/contact-points/{contactId}/resend', { params: { path: { id: userId, contactId: contact.id } } })), onSuccess: () => toast('success', 'A new code was sent.') });
  return (
    <form className="form inline-form" onSubmit={submit.submit} noValidate>
      <TextField label={`Code sent to ${contact.address}`} name="code" inputMode="numeric" autoComplete="one-time-code" value={code} error={submit.fieldErrors.code} onChange={(e) => (setCode(e.target.value), submit.dismiss('code'))} />
      <FormFooter error={submit.formError} busy={submit.busy}>
        Verify
      </FormFooter>
      <Button small variant="ghost" onClick={() => resend.mutate()} busy={resend.isPending}>
        Send a new code
      </Button>
      {resend.error ? <ErrorNotice error={resend.error} /> : null}
    </form>
  );
}

function CalendarFeed() {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const status = useQuery({ queryKey: ['calendar-feed'], queryFn: () => unwrap(api.GET('/api/account/calendar-feed')) });
  const issue = useMutation({ mutationFn: () => unwrap(api.POST('/api/account/calendar-feed')), onSuccess: (f) => (setUrl(f.url), void queryClient.invalidateQueries({ queryKey: ['calendar-feed'] })) });
  const revoke = useMutation({ mutationFn: () => unwrap(api.DELETE('/api/account/calendar-feed')), onSuccess: () => (setUrl(null), void queryClient.invalidateQueries({ queryKey: ['calendar-feed'] })) });
  return (
    <section className="card" aria-labelledby="feed-title">
      <h2 id="feed-title">Calendar feed</h2>
      <p className="muted">Your shifts (times and client names, nothing else) in any calendar program that subscribes to an address. Anyone with the address sees your shifts: keep it to yourself, and stop it if it leaks.</p>
      {url ? (
        <p>
          Subscribe to this address now; it is shown only once: <code className="feed-url">{url}</code>
        </p>
      ) : status.data?.active ? (
        <p>A feed is active since {when(status.data.createdAt!)}.</p>
      ) : null}
      <div className="form-actions start">
        <Button onClick={() => issue.mutate()} busy={issue.isPending}>
          {status.data?.active ? 'New address (stops the old one)' : 'Create a feed address'}
        </Button>
        {status.data?.active ? (
          <Button variant="ghost" onClick={() => revoke.mutate()} busy={revoke.isPending}>
            Stop the feed
          </Button>
        ) : null}
      </div>
      {issue.error ? <ErrorNotice error={issue.error} /> : null}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
    </section>
  );
}
