/**
 * What a module brings to Ringfence, in one place: its routes, the migrations of the tables it
 * owns, its jobs and its background subscribers. `src/modules/index.ts` lists every module once;
 * the app, the migrator and the job service read that list. See docs/architecture.md, "Add a
 * module".
 *
 * Kept central on purpose, because they are the auditor's view: the data categories and
 * subjects (`platform/authz/catalogue.ts`), the authorization matrix test, and the list of
 * encrypted columns.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Engine } from './db/database.ts';
import type { JobDefinition } from './jobs/jobs.ts';
import type { Platform } from './platform.ts';

/** A schema change: frozen once released, it imports nothing from a module. */
export interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

export interface ModuleManifest {
  /** The folder under src/modules. */
  name: string;
  /** Route plugins, registered in this order after the platform's. */
  routes?: readonly FastifyPluginAsyncTypebox[];
  /** Migrations by name (`0004-callbacks`); names order them across all modules. */
  migrations?: Readonly<Record<string, EngineMigration>>;
  /** Jobs the module defines (one-shot and periodic), run by the platform's job service. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  jobs?: readonly JobDefinition<any>[];
  /** Background work started with the app's background services; returns how to stop it. */
  background?: (platform: Platform) => { stop(): Promise<void> | void };
}

/** Every migration of the platform and the modules, ordered by name; a name used twice is a mistake caught at start. */
export function migrationsOf(platform: Readonly<Record<string, EngineMigration>>, modules: readonly ModuleManifest[]): Record<string, EngineMigration> {
  const all: Record<string, EngineMigration> = { ...platform };
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (all[name]) throw new Error(`Migration ${name} of module ${module.name} is named like another migration`);
      all[name] = migration;
    }
  }
  return Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
}
