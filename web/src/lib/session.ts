import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { z } from 'zod';
import type { Role, Tenant } from '../../../worker/tenants/schemas';

export interface Me {
  user: { id: string; email: string; name: string | null; role: Role };
  tenant: z.infer<typeof Tenant>;
  csrfToken: string;
}

export interface Session {
  me: Me;
  /** Viewers see everything but change nothing; the API enforces the same rule. */
  canEdit: boolean;
  setTenant: (tenant: Me['tenant']) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in page');
  return session;
}
