import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell } from './AppShell';
import { ROUTES } from './modules';
import { RequireSession } from './session';
import { Loading } from './ui/States';
import { ToastProvider } from './ui/Toasts';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

function Signed({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <AppShell>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </AppShell>
    </RequireSession>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <Routes>
              {ROUTES.map(({ path, screen: Screen, public: open }) => (
                <Route key={path} path={path} element={open ? <Screen /> : <Signed><Screen /></Signed>} />
              ))}
              <Route path="*" element={<Signed><NotFound /></Signed>} />
            </Routes>
          </Suspense>
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
