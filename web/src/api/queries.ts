import { useQuery } from '@tanstack/react-query';
import { useSession } from '../session';
import { api, unwrap } from './client';

/** The clients the signed-in person may see (up to 200), shared by every screen that picks one. */
export function useClients() {
  const { can } = useSession();
  return useQuery({ queryKey: ['clients', 'all'], queryFn: () => unwrap(api.GET('/api/clients', { params: { query: { limit: 200 } } })), enabled: can('read', 'Client') });
}
