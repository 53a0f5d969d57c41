import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client';
import type { ApiResponse } from '../api/schema';
import { useSession } from '../session/session';

/** Staff names by user id (GET /v1/staff-names, any staff role): what an actor id stands for. */
export type StaffNames = ReadonlyMap<string, string>;

const NONE: StaffNames = new Map();

/**
 * Every staff account's name by user id, read once and kept for 10 minutes (accounts are few and seldom
 * made); empty for a borrower (the route is staff's) and until it is read, so an actor shows its id meanwhile.
 */
export function useStaffNames(): StaffNames {
  const { session } = useSession();
  const names = useQuery({
    queryKey: ['staff-names'],
    queryFn: () => getJson<ApiResponse<'users.names'>>('/v1/staff-names'),
    select: (answer: ApiResponse<'users.names'>): StaffNames => new Map(answer.items.map((staff) => [staff.id, staff.name])),
    enabled: session !== null && session.role !== 'borrower',
    staleTime: 10 * 60_000,
  });
  return names.data ?? NONE;
}
