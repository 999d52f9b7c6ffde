/** The tasks module's public face: other modules import from here, never from its files (eslint.config.js). */
export { callbackActivity } from './activity.service.ts';
export type { AgentWork, CallbackFacts } from './activity.service.ts';
export { CallbackPolicySchema, parsePolicy, policyProblem } from './policy.ts';
export type { CallbackPolicy } from './policy.ts';
export { addDefaultQueue, listQueues } from './queues.service.ts';
