import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** Answer types, taken from the generated OpenAPI types (never written by hand). */
export type Me = Json<paths['/api/auth/me']['get']['responses']['200']>;
export type StaffMember = Json<paths['/api/users/{id}']['get']['responses']['200']>;
export type StaffPage = Json<paths['/api/users']['get']['responses']['200']>;
export type ClientView = Json<paths['/api/clients/{id}']['get']['responses']['200']>;
export type ClientPage = Json<paths['/api/clients']['get']['responses']['200']>;
export type ApiTokenView = Json<paths['/api/tokens/{id}']['delete']['responses']['200']>;
export type RoleView = Json<paths['/api/roles']['get']['responses']['200']>[number];
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
