import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSession } from '../session';
import { ApiError, api, unwrap } from './client';

/** The clients the signed-in person may see (up to 200), shared by every screen that picks one. */
export function useClients() {
  const { can } = useSession();
  return useQuery({ queryKey: ['clients', 'all'], queryFn: () => unwrap(api.GET('/api/clients', { params: { query: { limit: 200 } } })), enabled: can('read', 'Client') });
}

/** A client's practice-system link, or null when it has none. */
export function usePracticeLink(clientId: string) {
  return useQuery({
    queryKey: ['practice-link', clientId],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/clients/{id}/practice-link', { params: { path: { id: clientId } } }));
      } catch (err) {
        if (err instanceof ApiError && err.problem.status === 404) return null;
        throw err;
      }
    },
  });
}

/** The client the person works on: remembered for the session, the first of theirs otherwise. */
export function useCurrentClient(): [string | null, (id: string) => void] {
  const clients = useClients();
  const [clientId, setClientId] = useState<string | null>(() => sessionStorage.getItem('ringfence.client'));
  const items = clients.data?.items ?? [];
  const valid = items.some((c) => c.id === clientId) ? clientId : (items.find((c) => c.status === 'active')?.id ?? null);
  return [
    valid,
    (id) => {
      sessionStorage.setItem('ringfence.client', id);
      setClientId(id);
    },
  ];
}

/**
 * Live task screens: listens to the server's task events (ids and statuses only) and refetches
 * the task lists, the board and open tasks when one changes, a burst of changes at once.
 * The browser reconnects by itself when the stream ends or drops.
 */
export function useLiveTasks(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/events');
    let pending: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener('task', () => {
      pending ??= setTimeout(() => {
        pending = null;
        for (const key of ['tasks', 'task', 'board']) void queryClient.invalidateQueries({ queryKey: [key] });
      }, 150);
    });
    return () => {
      if (pending) clearTimeout(pending);
      source.close();
    };
  }, [queryClient]);
}
