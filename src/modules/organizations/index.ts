/** The organizations module's public face: other modules import from here, never from its files (eslint.config.js). */
export { isSetupNeeded, normaliseEmail, organizationIds, unsafeCreateOrganization } from './organizations.service.ts';
