import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink } from 'react-router';
import { api, unwrap } from '../api/client';
import { Button } from '../ui/Button';
import { FormError } from '../ui/States';

/**
 * Tells a person whose required training is missing or expired that patient information is
 * closed to them, and what to complete: they can still sign in and work what is not PHI.
 */
export function TrainingNotice() {
  const training = useQuery({ queryKey: ['training', 'me'], queryFn: () => unwrap(api.GET('/api/training/me')), staleTime: 60_000 });
  if (!training.data || !training.data.reachesPhi || training.data.phiAccess) return null;
  const lacking = training.data.courses.filter((c) => c.required && c.state !== 'current');
  return (
    <div className="notice notice-warning training-notice" role="status">
      <strong>Patient information is closed to you until your training is up to date.</strong> Complete:{' '}
      {lacking.map((c, i) => (
        <span key={c.courseId}>
          {i > 0 ? ', ' : ''}
          {c.name} ({c.state === 'missing' ? 'not completed' : `expired ${c.expiresOn}`})
        </span>
      ))}
      . Your compliance officer records completions.
    </div>
  );
}

/**
 * Reminders before something lapses: the person's own training (30 and 7 days before), and
 * for whoever keeps the compliance records, BAAs before they end. Each can be acknowledged;
 * the next step comes back on its own.
 */
export function Reminders() {
  const queryClient = useQueryClient();
  const reminders = useQuery({ queryKey: ['reminders'], queryFn: () => unwrap(api.GET('/api/reminders')), staleTime: 5 * 60_000 });
  const acknowledge = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/reminders/{id}/acknowledge', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['reminders'] }),
  });
  const items = reminders.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="notice reminder-notice" aria-label="Reminders">
      <ul className="reminders">
        {items.map((r) => (
          <li key={r.id}>
            <span>
              {r.kind === 'baa_ending' ? <NavLink to="/compliance">{r.message}</NavLink> : r.kind === 'oncall_gap' ? <NavLink to="/on-call">{r.message}</NavLink> : r.message}
            </span>
            <Button small variant="secondary" busy={acknowledge.isPending && acknowledge.variables === r.id} onClick={() => acknowledge.mutate(r.id)}>
              Got it
            </Button>
          </li>
        ))}
      </ul>
      <FormError message={acknowledge.error?.message ?? null} />
    </section>
  );
}
