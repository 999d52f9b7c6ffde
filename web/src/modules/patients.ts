import { lazyScreen, type WebModule } from './module';

/** The patient directory and one patient's record. */
export const patientsModule: WebModule = {
  name: 'patients',
  routes: [
    { path: '/patients', screen: lazyScreen(() => import('../pages/PatientsPage'), 'PatientsPage') },
    { path: '/patients/:id', screen: lazyScreen(() => import('../pages/PatientPage'), 'PatientPage') },
  ],
  nav: [{ path: '/patients', label: 'Patients', key: 'd', order: 50, useVisible: ({ can }) => can('read', 'Patient') || can('create', 'Patient') }],
};
