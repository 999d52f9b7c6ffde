import assert from 'node:assert/strict';
import { test } from 'node:test';

/** The console's module list: what the router serves and the shell shows, and the mistakes refused when the console loads. */

// The web app is type-checked by its own project (web/tsconfig.json, bundler resolution); loaded
// by URL here, so this project's compiler does not follow its extensionless imports.
interface ScreenRoute {
  path: string;
  screen: unknown;
  public?: boolean;
}
interface NavEntry {
  path: string;
  label: string;
  key: string;
  order: number;
}
interface WebModule {
  name: string;
  routes?: ScreenRoute[];
  nav?: NavEntry[];
}
const { navigationOf, routesOf }: { navigationOf(modules: WebModule[]): NavEntry[]; routesOf(modules: WebModule[]): ScreenRoute[] } = await import(
  new URL('../web/src/modules/module.ts', import.meta.url).href
);
const { NAVIGATION, ROUTES, WEB_MODULES }: { NAVIGATION: NavEntry[]; ROUTES: ScreenRoute[]; WEB_MODULES: WebModule[] } = await import(
  new URL('../web/src/modules/index.ts', import.meta.url).href
);

const Screen = () => null;

test('navigation follows each entry’s order, whatever the order of the modules', () => {
  const later: WebModule = { name: 'later', nav: [{ path: '/b', label: 'B', key: 'b', order: 20 }] };
  const earlier: WebModule = { name: 'earlier', nav: [{ path: '/a', label: 'A', key: 'a', order: 10 }, { path: '/c', label: 'C', key: 'c', order: 30 }] };
  assert.deepEqual(navigationOf([later, earlier]).map((e) => e.label), ['A', 'B', 'C']);
});

test('two modules claiming one path, shortcut key or position are refused', () => {
  const one: WebModule = { name: 'one', routes: [{ path: '/x', screen: Screen }], nav: [{ path: '/x', label: 'X', key: 'x', order: 10 }] };
  assert.throws(() => routesOf([one, { name: 'two', routes: [{ path: '/x', screen: Screen }] }]), /route path \/x/);
  assert.throws(() => navigationOf([one, { name: 'two', nav: [{ path: '/y', label: 'Y', key: 'x', order: 20 }] }]), /navigation key x/);
  assert.throws(() => navigationOf([one, { name: 'two', nav: [{ path: '/y', label: 'Y', key: 'y', order: 10 }] }]), /navigation order 10/);
  assert.throws(() => navigationOf([one, { name: 'two', nav: [{ path: '/x', label: 'Y', key: 'y', order: 20 }] }]), /navigation path \/x/);
});

test('every screen of the console is loaded on first use, so the sign-in page carries none of them', () => {
  assert.ok(ROUTES.length > 0);
  for (const route of ROUTES) {
    assert.equal((route.screen as unknown as { $$typeof: symbol }).$$typeof, Symbol.for('react.lazy'), `${route.path} is loaded with the console`);
  }
});

test('every navigation entry leads to a screen that needs a session', () => {
  for (const entry of NAVIGATION) {
    const route = ROUTES.find((r) => r.path === entry.path);
    assert.ok(route, `${entry.label} (${entry.path}) has no route`);
    assert.notEqual(route.public, true, `${entry.label} is a public route`);
  }
  assert.equal(new Set(WEB_MODULES.map((m) => m.name)).size, WEB_MODULES.length, 'module names are unique');
});
