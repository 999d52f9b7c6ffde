import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { api, unwrap } from './api/client';
import { NavLink, useNavigate } from 'react-router';
import { useSession } from './session';
import { Button } from './ui/Button';
import { Brand } from './ui/States';

interface NavItem {
  to: string;
  label: string;
  key: string;
  visible: boolean;
}

/**
 * The signed-in frame: navigation that shows only what the person's roles allow, the
 * organization, and sign-out. `g` then a letter jumps to a screen (shown beside each link).
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { me, can, signOut } = useSession();
  const navigate = useNavigate();
  const reviews = useQuery({ queryKey: ['access-reviews'], queryFn: () => unwrap(api.GET('/api/access-reviews')), staleTime: 60_000 });
  const items: NavItem[] = [
    { to: '/', label: 'Home', key: 'h', visible: true },
    { to: '/callbacks', label: 'Callbacks', key: 'w', visible: can('read', 'Task') },
    { to: '/board', label: 'Queue board', key: 'b', visible: can('manage', 'Task') },
    { to: '/patients', label: 'Patients', key: 'd', visible: can('read', 'Patient') || can('create', 'Patient') },
    { to: '/users', label: 'People', key: 'p', visible: can('read', 'User', { orgWide: true }) },
    { to: '/clients', label: 'Clients', key: 'c', visible: can('read', 'Client') },
    { to: '/tokens', label: 'API tokens', key: 't', visible: can('read', 'ApiToken') },
    { to: '/compliance', label: 'Compliance', key: 'o', visible: can('read', 'ComplianceRecord') },
    // Reviewers are supervisors, administrators or whoever a campaign names.
    { to: '/reviews', label: 'Access reviews', key: 'r', visible: can('read', 'ComplianceRecord') || can('manage', 'Task') || can('manage', 'User') || (reviews.data?.items.length ?? 0) > 0 },
    { to: '/account', label: 'My account', key: 'a', visible: true },
  ];
  const visible = items.filter((i) => i.visible);

  // Bound once: the shell re-renders as its queries load, and a listener bound again between
  // `g` and the letter would forget the `g`.
  const latest = useRef({ visible, navigate });
  latest.current = { visible, navigate };
  useEffect(() => {
    let pendingG = false;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (pendingG) {
        pendingG = false;
        const item = latest.current.visible.find((i) => i.key === e.key);
        if (item) {
          e.preventDefault();
          latest.current.navigate(item.to);
        }
        return;
      }
      if (e.key === 'g') pendingG = true;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="sidebar">
        <Brand />
        <div className="org-name">{me.user.orgName}</div>
        <nav className="nav" aria-label="Main">
          {visible.map((i) => (
            <NavLink key={i.to} to={i.to} end={i.to === '/'}>
              <span>{i.label}</span>
              <span className="kbd" aria-hidden="true">
                g {i.key}
              </span>
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-footer">
          <span className="who">{me.user.displayName}</span>
          <Button small variant="secondary" onClick={() => void signOut('You have signed out.')}>
            Sign out
          </Button>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <TrainingNotice />
        <Reminders />
        {children}
      </main>
    </div>
  );
}

/**
 * Tells a person whose required training is missing or expired that patient information is
 * closed to them, and what to complete: they can still sign in and work what is not PHI.
 */
function TrainingNotice() {
  const training = useQuery({ queryKey: ['training', 'me'], queryFn: () => unwrap(api.GET('/api/training/me')), staleTime: 60_000 });
  if (!training.data || training.data.phiAccess) return null;
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
function Reminders() {
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
              {r.kind === 'baa_ending' ? <NavLink to="/compliance">{r.message}</NavLink> : r.message}
            </span>
            <Button small variant="secondary" busy={acknowledge.isPending && acknowledge.variables === r.id} onClick={() => acknowledge.mutate(r.id)}>
              Got it
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Shown instead of a screen the person's roles do not include (the API refuses it too). */
export function NoAccess({ what }: { what: string }) {
  return (
    <div className="card">
      <h1>No access</h1>
      <p>Your roles do not include {what}. Ask an administrator if you need it.</p>
    </div>
  );
}
