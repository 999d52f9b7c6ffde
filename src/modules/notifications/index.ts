/** The notifications module's public face: other modules import from here, never from its files (eslint.config.js). */
export { queueNotification } from './notifications.service.ts';
