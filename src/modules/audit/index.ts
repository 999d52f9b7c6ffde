/** The audit module's public face: other modules import from here, never from its files (eslint.config.js). */
export { alertFacts, resolveAlert } from './alerts.service.ts';
export type { AlertFacts } from './alerts.service.ts';
