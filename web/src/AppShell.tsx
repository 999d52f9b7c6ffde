import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { NAVIGATION, NOTICES } from './modules';
import type { NavEntry } from './modules/module';
import { useSession, type Session } from './session';
import { Button } from './ui/Button';
import { Brand } from './ui/States';

/**
 * The signed-in frame: navigation that shows only what the person's roles allow, the
 * organization, and sign-out. `g` then a letter jumps to a screen (shown beside each link).
 * The entries and the notices above each screen come from the web modules (`modules/index.ts`).
 */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const { me, signOut } = session;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = useVisibleNavigation(session);
  // An entry under another (Audit alerts under Audit trail) is the one marked on its screens.
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const exact = (entry: NavEntry) => entry.path === '/' || visible.some((o) => o.path.startsWith(`${entry.path}/`) && within(o.path));

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
          latest.current.navigate(item.path);
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
            <NavLink key={i.path} to={i.path} end={exact(i)}>
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
        {NOTICES.map((Notice, i) => (
          <Notice key={i} />
        ))}
        {children}
      </main>
    </div>
  );
}

/**
 * The entries this person sees. NAVIGATION is fixed when the console loads, so every entry's
 * visibility hook runs, in the same order, on every render.
 */
function useVisibleNavigation(session: Session): NavEntry[] {
  return NAVIGATION.filter((entry) => entry.useVisible?.(session) ?? true);
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
