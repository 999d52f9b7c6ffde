import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { AccessReviewDetail, AccessReviewItem, AccessReviewSummary } from '../api/types';
import { useSession } from '../session';
import { Button } from '../ui/Button';
import { FormFooter } from '../ui/FormFooter';
import { DataTable } from '../ui/DataTable';
import { SelectField, TextField } from '../ui/Field';
import { ErrorNotice, FormError, Loading, PageHeader } from '../ui/States';
import { useToast } from '../ui/Toasts';
import { useSubmit } from '../ui/useSubmit';
import { formatWhen } from '../client-time';

const ROLE_NAMES: Record<string, string> = { admin: 'Administrator', compliance: 'Compliance officer', supervisor: 'Supervisor', agent: 'Agent', clinical_agent: 'Clinical agent', provider: 'On-call provider' };

function progressText(p: AccessReviewSummary['progress']): string {
  return `${p.decided} of ${p.total} decided${p.revoked ? `, ${p.revoked} revoked` : ''}`;
}

/** Campaigns: the compliance officer opens and signs them off; reviewers decide their items. */
export function AccessReviewsPage() {
  const { can } = useSession();
  const reviews = useQuery({ queryKey: ['access-reviews'], queryFn: () => unwrap(api.GET('/api/access-reviews')) });
  return (
    <>
      <PageHeader title="Access reviews" description="Each person’s roles and client assignments, certified or revoked by a reviewer. A revocation takes effect at once." />
      {can('create', 'ComplianceRecord') ? <OpenCampaign /> : null}
      <section className="card" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">Campaigns</h2>
        {reviews.isPending ? (
          <Loading />
        ) : reviews.isError ? (
          <ErrorNotice error={reviews.error} />
        ) : (
          <DataTable<AccessReviewSummary>
            caption="Access review campaigns"
            rows={reviews.data.items}
            rowKey={(r) => r.id}
            empty={<p className="muted">No access reviews for you.</p>}
            columns={[
              { key: 'name', header: 'Campaign', render: (r) => <Link to={`/reviews/${r.id}`}>{r.name}</Link> },
              { key: 'status', header: 'Status', render: (r) => <span className={`badge ${r.status === 'open' ? 'badge-warning' : 'badge-success'}`}>{r.status === 'open' ? 'Open' : 'Signed off'}</span> },
              { key: 'due', header: 'Due', render: (r) => r.dueOn ?? '—' },
              { key: 'progress', header: 'Progress', render: (r) => progressText(r.progress) },
            ]}
          />
        )}
      </section>
    </>
  );
}

function OpenCampaign() {
  const toast = useToast();
  const queryClient = useQueryClient();
  const people = useQuery({ queryKey: ['users', 'all'], queryFn: () => unwrap(api.GET('/api/users', { params: { query: { limit: 200 } } })) });
  const [name, setName] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [reviewerId, setReviewerId] = useState('');
  const submit = useSubmit(
    () => unwrap(api.POST('/api/access-reviews', { body: { name, ...(dueOn ? { dueOn } : {}), ...(reviewerId ? { reviewerId } : {}) } })),
    (review) => {
      void queryClient.invalidateQueries({ queryKey: ['access-reviews'] });
      toast('success', `“${review.name}” opened: ${review.items.length} assignments to review.`);
      setName('');
    },
  );
  return (
    <section className="card" aria-labelledby="open-title">
      <h2 id="open-title">Open a campaign</h2>
      <form className="form inline-form" onSubmit={submit.submit} noValidate>
        <div className="inline-fields">
          <TextField label="Name" name="name" placeholder="Pre-flu-season review, October" value={name} maxLength={120} error={submit.fieldErrors.name} onChange={(e) => setName(e.target.value)} />
          <TextField label="Due (optional)" name="dueOn" type="date" value={dueOn} error={submit.fieldErrors.dueOn} onChange={(e) => setDueOn(e.target.value)} />
          <SelectField label="Reviewer" name="reviewerId" value={reviewerId} error={submit.fieldErrors.reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
            <option value="">Each client’s supervisor</option>
            {(people.data?.items ?? [])
              .filter((p) => p.status === 'active')
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
          </SelectField>
        </div>
        <FormFooter error={submit.formError} busy={submit.busy}>
          Open campaign
        </FormFooter>
      </form>
    </section>
  );
}

/** One campaign: the items, certify or revoke for the reviewer, sign-off and the report for compliance. */
export function AccessReviewPage() {
  const { id = '' } = useParams();
  const { me, can } = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const review = useQuery({ queryKey: ['access-reviews', id], queryFn: () => unwrap(api.GET('/api/access-reviews/{id}', { params: { path: { id } } })) });
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['access-reviews'] });
  const decide = async (item: AccessReviewItem, decision: 'certify' | 'revoke') => {
    setError(null);
    try {
      await unwrap(api.POST('/api/access-reviews/{id}/items/{itemId}', { params: { path: { id, itemId: item.id } }, body: { decision } }));
      toast('success', decision === 'certify' ? `${item.userName}: ${ROLE_NAMES[item.role] ?? item.role} certified.` : `${item.userName}: ${ROLE_NAMES[item.role] ?? item.role} revoked, effective now.`);
      refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong');
    }
  };
  const signOff = useSubmit(
    () => unwrap(api.POST('/api/access-reviews/{id}/close', { params: { path: { id } } })),
    () => {
      toast('success', 'Campaign signed off.');
      refresh();
    },
  );
  if (review.isPending) return <Loading />;
  if (review.isError) return <ErrorNotice error={review.error} />;
  const data: AccessReviewDetail = review.data;
  const open = data.status === 'open';
  return (
    <>
      <PageHeader
        title={data.name}
        description={open ? `${progressText(data.progress)}${data.dueOn ? ` · due ${data.dueOn}` : ''}` : `Signed off ${data.closedAt ? formatWhen(data.closedAt) : ''} · ${progressText(data.progress)}`}
        actions={
          open && can('update', 'ComplianceRecord') ? (
            <Button variant="primary" busy={signOff.busy} disabled={data.progress.decided < data.progress.total} onClick={() => void signOff.submit()}>
              Sign off
            </Button>
          ) : null
        }
      />
      <FormError message={error ?? signOff.formError} />
      <section className="card" aria-labelledby="items-title">
        <h2 id="items-title">{open ? 'Assignments to review' : 'Report'}</h2>
        <DataTable<AccessReviewItem>
          caption="Role assignments under review"
          rows={data.items}
          rowKey={(i) => i.id}
          empty={<p className="muted">Nothing for you to review here.</p>}
          columns={[
            { key: 'person', header: 'Person', render: (i) => i.userName },
            { key: 'role', header: 'Role', render: (i) => ROLE_NAMES[i.role] ?? i.role },
            { key: 'client', header: 'Client', render: (i) => i.clientName ?? 'All clients' },
            { key: 'reviewer', header: 'Reviewer', render: (i) => i.reviewerName },
            {
              key: 'decision',
              header: 'Decision',
              render: (i) =>
                i.decision ? (
                  <span className={`badge ${i.decision === 'certified' ? 'badge-success' : 'badge-danger'}`}>{i.decision === 'certified' ? 'Certified' : 'Revoked'}</span>
                ) : open && i.userId !== me.user.id && (i.reviewerId === me.user.id || can('update', 'ComplianceRecord')) ? (
                  <span className="outcomes">
                    <Button small onClick={() => void decide(i, 'certify')} aria-label={`Certify ${i.userName} as ${ROLE_NAMES[i.role] ?? i.role}${i.clientName ? ` for ${i.clientName}` : ''}`}>
                      Certify
                    </Button>
                    <Button small variant="danger" onClick={() => void decide(i, 'revoke')} aria-label={`Revoke ${i.userName} as ${ROLE_NAMES[i.role] ?? i.role}${i.clientName ? ` for ${i.clientName}` : ''}`}>
                      Revoke
                    </Button>
                  </span>
                ) : (
                  <span className="muted">Pending</span>
                ),
            },
          ]}
        />
      </section>
    </>
  );
}
