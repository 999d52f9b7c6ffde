import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const WEB = new URL('../web/', import.meta.url).pathname;

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestSourceTime(full) : st.mtimeMs);
  }
  return newest;
}

/** True when web/dist is missing or older than the web app's sources. */
export function webBuildIsStale(): boolean {
  const index = path.join(WEB, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const sources = Math.max(newestSourceTime(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs, statSync(path.join(WEB, 'vite.config.ts')).mtimeMs);
  return sources > statSync(index).mtimeMs;
}

/** Builds the web console with Vite when it is missing or out of date (what `npm start` does first). */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<void> {
  if (!existsSync(path.join(WEB, 'src')) || !webBuildIsStale()) return;
  log('Building the web console…');
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB, 'vite.config.ts'), logLevel: 'warn' });
}
