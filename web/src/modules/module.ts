/**
 * What an area of the console brings, in one place: its screens' routes, its entries in the
 * main navigation (and who sees them), and the notices it shows above every signed-in screen.
 * `web/src/modules/index.ts` lists every module once; the router (`main.tsx`) and the shell
 * (`AppShell.tsx`) read that list. The server's counterpart is `src/platform/module.ts`.
 */
import { lazy, type ComponentType } from 'react';
import type { Session } from '../session';

export interface ScreenRoute {
  /** A React Router path (`/patients/:id`). */
  path: string;
  screen: ComponentType;
  /** Shown without a session and outside the shell: sign-in and first-run setup. Otherwise the route needs a full session. */
  public?: boolean;
}

export interface NavEntry {
  path: string;
  label: string;
  /** `g` then this letter jumps to the screen; shown beside the link. */
  key: string;
  /** Position in the navigation, smallest first; the tens leave room for a screen in between. */
  order: number;
  /**
   * Whether the person sees the entry: the condition the screen itself checks (the API refuses
   * regardless). Called as a hook on every render of the shell, so it may read a query; absent,
   * everyone signed in sees it.
   */
  useVisible?: (session: Session) => boolean;
}

export interface WebModule {
  /** Named like the server module it fronts, where there is one. */
  name: string;
  routes?: readonly ScreenRoute[];
  nav?: readonly NavEntry[];
  /** Shown above every signed-in screen, in list order; each renders nothing when it has nothing to say. */
  notices?: readonly ComponentType[];
}

/** A screen loaded when first shown: the sign-in page does not carry every screen of the console. */
export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** Every module's routes; a path declared twice is a mistake caught when the console loads. */
export function routesOf(modules: readonly WebModule[]): ScreenRoute[] {
  const routes = modules.flatMap((m) => m.routes ?? []);
  assertUnique(routes.map((r) => r.path), 'route path');
  return routes;
}

/** Every module's navigation entries in order; a path, shortcut key or position used twice is a mistake caught when the console loads. */
export function navigationOf(modules: readonly WebModule[]): NavEntry[] {
  const entries = modules.flatMap((m) => m.nav ?? []);
  assertUnique(entries.map((e) => e.path), 'navigation path');
  assertUnique(entries.map((e) => e.key), 'navigation key');
  assertUnique(entries.map((e) => String(e.order)), 'navigation order');
  return [...entries].sort((a, b) => a.order - b.order);
}

/** Every module's notices, in list order. */
export function noticesOf(modules: readonly WebModule[]): ComponentType[] {
  return modules.flatMap((m) => m.notices ?? []);
}

function assertUnique(values: string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`The ${what} ${value} is declared by two web modules`);
    seen.add(value);
  }
}
