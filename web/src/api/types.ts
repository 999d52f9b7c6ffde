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
export type PatientSummary = Json<paths['/api/patients/{id}']['get']['responses']['200']>;
export type PatientMatch = Json<paths['/api/patients/search']['post']['responses']['200']>['items'][number];
export type PatientSearch = NonNullable<paths['/api/patients/search']['post']['requestBody']>['content']['application/json'];
export type NewPatient = NonNullable<paths['/api/patients']['post']['requestBody']>['content']['application/json'];
export type PatientFieldValues = Json<paths['/api/patients/{id}/reveal']['post']['responses']['200']>['fields'];
export type RevealPurpose = NonNullable<paths['/api/patients/{id}/reveal']['post']['requestBody']>['content']['application/json']['purpose'];
export type PracticeMatch = Json<paths['/api/patients/practice-search']['post']['responses']['200']>['items'][number];
export type PracticeLinkView = Json<paths['/api/clients/{id}/practice-link']['get']['responses']['200']>;
export type TaskView = Json<paths['/api/tasks/{id}']['get']['responses']['200']>['task'];
export type TaskDetail = Json<paths['/api/tasks/{id}']['get']['responses']['200']>;
export type QueueView = Json<paths['/api/queues/{id}']['get']['responses']['200']>;
export type BoardRow = Json<paths['/api/board']['get']['responses']['200']>['items'][number];
export type AttemptBody = NonNullable<paths['/api/tasks/{id}/attempts']['post']['requestBody']>['content']['application/json'];
export type IntakeBody = NonNullable<paths['/api/tasks']['post']['requestBody']>['content']['application/json'];
export type VendorView = Json<paths['/api/vendors/{id}']['patch']['responses']['200']>;
export type BaaView = Json<paths['/api/baas/{id}']['get']['responses']['200']>;
export type BaaChainEntry = Json<paths['/api/compliance/baa-chain']['get']['responses']['200']>['items'][number];
export type TrainingStatus = Json<paths['/api/training/me']['get']['responses']['200']>;
export type TrainingOverview = Json<paths['/api/training/people']['get']['responses']['200']>;
export type AccessReviewSummary = Json<paths['/api/access-reviews']['get']['responses']['200']>['items'][number];
export type AccessReviewDetail = Json<paths['/api/access-reviews/{id}']['get']['responses']['200']>;
export type AccessReviewItem = AccessReviewDetail['items'][number];
export type TrainingImport = Json<paths['/api/training/import']['post']['responses']['200']>;
export type ComplianceDashboard = Json<paths['/api/compliance/dashboard']['get']['responses']['200']>;
export type ReminderView = Json<paths['/api/reminders']['get']['responses']['200']>['items'][number];
