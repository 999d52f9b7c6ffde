/** The roles module's public face: other modules import from here, never from its files (eslint.config.js). */
export { seedBuiltinRoles } from './roles.seed.ts';
