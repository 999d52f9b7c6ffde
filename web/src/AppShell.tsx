import { useEffect, type ReactNode } from 'react';
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
  const items: NavItem[] = [
    { to: '/', label: 'Home', key: 'h', visible: true },
    { to: '/callbacks', label: 'Callbacks', key: 'w', visible: can('read', 'Task') },
    { to: '/board', label: 'Queue board', key: 'b', visible: can('manage', 'Task') },
    { to: '/patients', label: 'Patients', key: 'd', visible: can('read', 'Patient') || can('create', 'Patient') },
    { to: '/users', label: 'People', key: 'p', visible: can('read', 'User', { orgWide: true }) },
    { to: '/clients', label: 'Clients', key: 'c', visible: can('read', 'Client') },
    { to: '/tokens', label: 'API tokens', key: 't', visible: can('read', 'ApiToken') },
    { to: '/account', label: 'My account', key: 'a', visible: true },
  ];
  const visible = items.filter((i) => i.visible);

  useEffect(() => {
    let pendingG = false;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (pendingG) {
        pendingG = false;
        const item = visible.find((i) => i.key === e.key);
        if (item) {
          e.preventDefault();
          navigate(item.to);
        }
        return;
      }
      if (e.key === 'g') pendingG = true;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, visible]);

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
        {children}
      </main>
    </div>
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
