import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell } from './AppShell';
import { AccountPage } from './pages/AccountPage';
import { ClientsPage } from './pages/ClientsPage';
import { HomePage } from './pages/HomePage';
import { PatientPage } from './pages/PatientPage';
import { PatientsPage } from './pages/PatientsPage';
import { CallbacksPage } from './pages/CallbacksPage';
import { BoardPage } from './pages/BoardPage';
import { AccessReviewPage, AccessReviewsPage } from './pages/AccessReviewsPage';
import { CompliancePage } from './pages/CompliancePage';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { TokensPage } from './pages/TokensPage';
import { UsersPage } from './pages/UsersPage';
import { RequireSession } from './session';
import { ToastProvider } from './ui/Toasts';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

function Signed({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <AppShell>{children}</AppShell>
    </RequireSession>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/" element={<Signed><HomePage /></Signed>} />
            <Route path="/callbacks" element={<Signed><CallbacksPage /></Signed>} />
            <Route path="/board" element={<Signed><BoardPage /></Signed>} />
            <Route path="/patients" element={<Signed><PatientsPage /></Signed>} />
            <Route path="/patients/:id" element={<Signed><PatientPage /></Signed>} />
            <Route path="/users" element={<Signed><UsersPage /></Signed>} />
            <Route path="/clients" element={<Signed><ClientsPage /></Signed>} />
            <Route path="/tokens" element={<Signed><TokensPage /></Signed>} />
            <Route path="/compliance" element={<Signed><CompliancePage /></Signed>} />
            <Route path="/reviews" element={<Signed><AccessReviewsPage /></Signed>} />
            <Route path="/reviews/:id" element={<Signed><AccessReviewPage /></Signed>} />
            <Route path="/account" element={<Signed><AccountPage /></Signed>} />
            <Route path="*" element={<Signed><NotFound /></Signed>} />
          </Routes>
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);

function NotFound() {
  return (
    <div className="card">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
    </div>
  );
}
