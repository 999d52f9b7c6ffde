/** The tasks module's public face: other modules import from here, never from its files (eslint.config.js). */
export { callbackActivity } from './activity.service.ts';
export type { AgentWork, CallbackFacts } from './activity.service.ts';
export { CallbackPolicySchema, parsePolicy, policyProblem } from './policy.ts';
export type { CallbackPolicy } from './policy.ts';
export { addDefaultQueue, listQueues } from './queues.service.ts';
export { createTask } from './intake.service.ts';
export { announceTaskChange, firstActiveQueue, patientCallbackHistory, recentEmergentTasks, taskDisclosure, taskFacts, unsafeTaskFacts } from './paging-door.ts';
export type { CallbackHistoryItem, DisclosureFacts, TaskFacts } from './paging-door.ts';
export { hasTaskReason } from './access-reasons.ts';
