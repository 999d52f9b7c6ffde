import type { ModuleManifest } from '../../platform/module.ts';
import { taskEventRoutes } from './events.routes.ts';
import { queueRoutes } from './queues.routes.ts';
import { taskRoutes } from './tasks.routes.ts';

/** Callback queues, tasks, contact attempts, messages and assignment. */
export const tasksModule: ModuleManifest = {
  name: 'tasks',
  // Registered in this order, which is also the order of their paths in the API document.
  routes: [taskEventRoutes, queueRoutes, taskRoutes],
};
