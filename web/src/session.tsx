import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, api, onApiActivity, onSignedOut, setCsrfToken, unwrap } from './api/client';
import type { Me } from './api/types';
import { Button } from './ui/Button';
import { Dialog } from './ui/Dialog';
import { Loading } from './ui/States';

/** The server refreshes its idle timer at most every 15 s; sign out this much early to stay ahead of it. */
const SERVER_TOUCH_SLACK_MS = 15_000;
const WARNING_MS = 60_000;

export interface Session {
  me: Me;
  /** Whether a permission exists for action × subject; `orgWide` asks for one that is not limited to oneself. */
  can(action: string, subject: string, options?: { orgWide?: boolean }): boolean;
  /** The data categories any of these actions grants on a subject for one client (the server checks again, field by field). */
  categories(actions: string[], subject: string, clientId: string): Set<string>;
  signOut(notice?: string): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The signed-in person (only inside the signed-in part of the app). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

/** Whether first-run setup is still needed. */
export function useSetupStatus() {
  return useQuery({ queryKey: ['setup'], queryFn: () => unwrap(api.GET('/api/setup')), staleTime: 60_000 });
}

/** The current session from GET /api/auth/me, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await unwrap(api.GET('/api/auth/me'));
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.problem.status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

let signInNotice: string | null = null;

/** The message the sign-in page shows once (why the person was signed out). */
export function takeSignInNotice(): string | null {
  const notice = signInNotice;
  signInNotice = null;
  return notice;
}

/** Signs out on the server and forgets the session here; the sign-in page then shows `notice`. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(
    async (notice?: string) => {
      await api.POST('/api/auth/logout').catch(() => undefined);
      setCsrfToken(null);
      signInNotice = notice ?? null;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup' });
      // With no session, the guard sends the page to sign-in.
      queryClient.setQueryData(['me'], null);
    },
    [queryClient],
  );
}

/**
 * Guards the signed-in part of the app: sends people to setup or sign-in as needed, provides
 * the session, and warns one minute before the idle sign-out (then signs out when it lapses).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const setup = useSetupStatus();
  const me = useMe();
  const location = useLocation();
  const signOut = useSignOut();
  const session = useMemo<Session | null>(() => {
    if (!me.data || me.data.stage !== 'full') return null;
    const permissions = me.data.permissions;
    return {
      me: me.data,
      can: (action, subject, options) =>
        permissions.some((p) => (p.action === action || p.action === 'manage') && p.subject === subject && (!options?.orgWide || p.scope !== 'self')),
      categories: (actions, subject, clientId) =>
        new Set(
          permissions
            .filter((p) => (actions.includes(p.action) || p.action === 'manage') && p.subject === subject && (p.clientIds === null || p.clientIds.includes(clientId)))
            .flatMap((p) => p.categories),
        ),
      signOut,
    };
  }, [me.data, signOut]);

  useEffect(() => onSignedOut((reason) => void signOut(reason)), [signOut]);

  if (setup.isPending || me.isPending) return <Loading label="Opening Ringfence…" />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (!session) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  return (
    <SessionContext.Provider value={session}>
      <IdleWatch idleMinutes={session.me.idleMinutes} onLapse={() => void signOut(`You were signed out after ${session.me.idleMinutes} minutes without activity.`)} />
      {children}
    </SessionContext.Provider>
  );
}

function IdleWatch({ idleMinutes, onLapse }: { idleMinutes: number; onLapse: () => void }) {
  const lastActivity = useRef(Date.now());
  const [remaining, setRemaining] = useState<number | null>(null);
  const queryClient = useQueryClient();
  // Any API request restarts the server's idle timer; refreshing the session is the lightest one.
  const stay = () => void queryClient.refetchQueries({ queryKey: ['me'] });
  useEffect(() => onApiActivity(() => (lastActivity.current = Date.now())), []);
  useEffect(() => {
    const timer = setInterval(() => {
      const left = lastActivity.current + idleMinutes * 60_000 - SERVER_TOUCH_SLACK_MS - Date.now();
      if (left <= 0) {
        clearInterval(timer);
        onLapse();
      } else setRemaining(left <= WARNING_MS ? left : null);
    }, 1000);
    return () => clearInterval(timer);
  }, [idleMinutes, onLapse]);
  return (
    <Dialog title="Still there?" open={remaining !== null} onClose={stay}>
      <p>
        For patients’ privacy you will be signed out in <strong>{Math.ceil((remaining ?? 0) / 1000)} seconds</strong> unless you continue.
      </p>
      <div className="form-actions">
        <Button variant="primary" autoFocus onClick={stay}>
          Stay signed in
        </Button>
      </div>
    </Dialog>
  );
}
