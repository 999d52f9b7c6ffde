import type { ModuleManifest } from '../../platform/module.ts';

/** Organizations (the answering services) and what each starts with; created by setup and the command line. */
export const organizationsModule: ModuleManifest = {
  name: 'organizations',
};
