/**
 * What counts as the person being at the screen, for automatic logoff (HIPAA §164.312(a)(2)(iii)):
 * keys, pointer, wheel and touch anywhere on the page, and this window getting focus back.
 * Requests do not count (the console makes many by itself), so the server learns of this
 * activity from `POST /api/auth/activity`, reported at most once per REPORT_EVERY_MS.
 */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** At most one report per 30 s: far below the idle limit, and a typing agent sends two a minute. */
export const REPORT_EVERY_MS = 30_000;

/** Where tabs of this browser tell each other that the session's idle timer restarted. */
const REPORTED_KEY = 'ringfence.activity.reported';

/** When the server last heard of this person's activity from any tab here (this browser's clock), or null. */
export function lastReportedActivity(): number | null {
  const stored = Number(localStorage.getItem(REPORTED_KEY));
  return Number.isFinite(stored) && stored > 0 ? stored : null;
}

export interface ActivityWatch {
  /** Reports at once, outside the throttle ("Stay signed in"). */
  reportNow(): Promise<void>;
  stop(): void;
}

/**
 * Watches the page for activity and reports it with `report` (leading and trailing, at most
 * once per 30 s). `onReported(at)` is called with the time a report was sent once it
 * succeeded, here or in another tab of the same browser (the session cookie is shared, so
 * one tab's report restarts every tab's idle timer).
 */
export function watchActivity({ report, onReported }: { report: () => Promise<boolean>; onReported: (at: number) => void }): ActivityWatch {
  let windowTimer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  let stopped = false;
  let inFlight: Promise<void> | null = null;

  const send = (): Promise<void> => {
    inFlight ??= sendOne().finally(() => (inFlight = null));
    return inFlight;
  };
  const sendOne = async () => {
    const at = Date.now();
    // Activity in the next 30 s is sent once, when they end (the trailing report).
    if (windowTimer) clearTimeout(windowTimer);
    windowTimer = setTimeout(closeWindow, REPORT_EVERY_MS);
    // The send time, not the answer's: the server's timer restarted no earlier than this.
    if (!(await report()) || stopped) return;
    localStorage.setItem(REPORTED_KEY, String(at));
    onReported(at);
  };
  const closeWindow = () => {
    windowTimer = null;
    if (pending && !stopped) {
      pending = false;
      void send();
    }
  };
  const onActivity = () => {
    if (windowTimer) pending = true;
    else void send();
  };
  // Only the window itself: an element focused by the page (a dialog opening) is not the person.
  const onFocus = (event: FocusEvent) => {
    if (event.target === window || event.target === document) onActivity();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== REPORTED_KEY || !event.newValue) return;
    const at = Number(event.newValue);
    if (Number.isFinite(at)) onReported(at);
  };

  const options = { capture: true, passive: true } as const;
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
  window.addEventListener('focus', onFocus, options);
  window.addEventListener('storage', onStorage);
  return {
    reportNow: () => {
      pending = false;
      return send();
    },
    stop() {
      stopped = true;
      if (windowTimer) clearTimeout(windowTimer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
      window.removeEventListener('focus', onFocus, options);
      window.removeEventListener('storage', onStorage);
    },
  };
}
