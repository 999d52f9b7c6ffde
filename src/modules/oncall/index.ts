/** The on-call module's public face: other modules import from here, never from its files (eslint.config.js). */
export { rosterAt } from './schedules.service.ts';
