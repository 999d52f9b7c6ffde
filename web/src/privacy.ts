import { useEffect, useRef } from 'react';

/** Why revealed patient details leave the screen. */
export type HideReason = 'idle_warning' | 'signed_out';

const listeners = new Set<(reason: HideReason) => void>();

/**
 * Hides every revealed patient detail on screen at once: when the idle warning appears (the
 * person may have walked away) and at sign-out. Screens that show revealed values subscribe
 * with `useHideRevealed`.
 */
export function hideRevealed(reason: HideReason): void {
  for (const fn of listeners) fn(reason);
}

/** Calls `hide` (for example a reveal mutation's `reset`) whenever revealed details must leave the screen. */
export function useHideRevealed(hide: () => void): void {
  const latest = useRef(hide);
  latest.current = hide;
  useEffect(() => {
    const fn = () => latest.current();
    listeners.add(fn);
    return () => void listeners.delete(fn);
  }, []);
}
