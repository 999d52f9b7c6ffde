import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { lastReportedActivity, watchActivity, type ActivityWatch } from './activity';
import { ApiError, api, onSignedOut, setCsrfToken, unwrap } from './api/client';
import type { Me } from './api/types';
import { hideRevealed } from './privacy';
import { Button } from './ui/Button';
import { Dialog } from './ui/Dialog';
import { Loading } from './ui/States';

/** Sign out this much before the server would: the report's way there and back takes time. */
const NETWORK_SLACK_MS = 5_000;
const WARNING_MS = 60_000;

export interface Session {
  me: Me;
  /** Whether a permission exists for action × subject; `orgWide` asks for one that is not limited to oneself. */
  can(action: string, subject: string, options?: { orgWide?: boolean }): boolean;
  /** The data categories any of these actions grants on a subject for one client, or one patient of it (the server checks again, field by field). */
  categories(actions: string[], subject: string, clientId: string, patientId?: string): Set<string>;
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
/**
 * A sign-out under way: a second one while it runs (a background read answered 401 while the
 * idle sign-out was logging out) joins it, so the server is told once and the first notice stands.
 */
let signingOut: Promise<void> | null = null;

export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(
    (notice?: string) => {
      signingOut ??= (async () => {
        hideRevealed('signed_out');
        await api.POST('/api/auth/logout').catch(() => undefined);
        setCsrfToken(null);
        signInNotice = notice ?? null;
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'setup' });
        // With no session, the guard sends the page to sign-in.
        queryClient.setQueryData(['me'], null);
      })().finally(() => {
        signingOut = null;
      });
      return signingOut;
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
      categories: (actions, subject, clientId, patientId) =>
        new Set(
          permissions
            // A break-glass grant names one patient: it counts for that patient only.
            .filter((p) => (actions.includes(p.action) || p.action === 'manage') && p.subject === subject && (p.clientIds === null || p.clientIds.includes(clientId)) && (!p.patientId || p.patientId === patientId))
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
      <IdleWatch me={session.me} fetchedAt={me.dataUpdatedAt} onLapse={(notice) => void signOut(notice)} />
      {children}
    </SessionContext.Provider>
  );
}

/**
 * Automatic logoff. The idle time runs from the last activity the server has been told of
 * (a report's send time, or the session's expiry when the page loaded): requests the console
 * makes by itself never count, here or on the server. A minute before, revealed patient
 * details leave the screen and a warning asks whether the person is still there.
 */
function IdleWatch({ me, fetchedAt, onLapse }: { me: Me; fetchedAt: number; onLapse: (notice: string) => void }) {
  const idleMs = me.idleMinutes * 60_000;
  const [firstDeadline] = useState(() => {
    // The server's expiry, never later than the idle limit counted from when it was read (a
    // clock running ahead of the server's only signs out early); another tab's report may be newer.
    const fromServer = me.expiryReason === 'idle' ? Math.min(Date.parse(me.expiresAt), fetchedAt + idleMs) : fetchedAt + idleMs;
    return Math.max(fromServer, (lastReportedActivity() ?? 0) + idleMs);
  });
  const deadline = useRef(firstDeadline);
  const watch = useRef<ActivityWatch | null>(null);
  const [remaining, setRemaining] = useState<number | null>(null);
  const latest = useRef({ onLapse, idleMinutes: me.idleMinutes });
  latest.current = { onLapse, idleMinutes: me.idleMinutes };

  useEffect(() => {
    let lapsed = false;
    let warned = false;
    const check = () => {
      if (lapsed) return;
      const left = deadline.current - NETWORK_SLACK_MS - Date.now();
      if (left <= 0) {
        lapsed = true;
        latest.current.onLapse(`You were signed out after ${latest.current.idleMinutes} minutes without activity.`);
      } else if (left <= WARNING_MS) {
        // The person may have walked away: revealed details go before anyone else reads them.
        if (!warned) hideRevealed('idle_warning');
        warned = true;
        setRemaining(left);
      } else {
        warned = false;
        setRemaining(null);
      }
    };
    const report = async () => {
      try {
        await unwrap(api.POST('/api/auth/activity'));
        return true;
      } catch (err) {
        // The session already ended (elsewhere, or while the device slept): sign out here too.
        if (err instanceof ApiError && err.problem.status === 401 && !lapsed) {
          lapsed = true;
          latest.current.onLapse(err.problem.detail);
        }
        return false;
      }
    };
    watch.current = watchActivity({
      report,
      onReported: (at) => {
        deadline.current = Math.max(deadline.current, at + idleMs);
        check();
      },
    });
    const timer = setInterval(check, 1000);
    return () => {
      clearInterval(timer);
      watch.current?.stop();
      watch.current = null;
    };
  }, [idleMs]);

  const stay = () => void watch.current?.reportNow();
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
