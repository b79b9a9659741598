import type { Member, UpdateMemberRequest } from '@charla/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/index.ts';

/** Cache key of the workspace's members. */
export const membersQueryKey = ['members'] as const;

export function useMembers() {
  return useQuery({ queryKey: membersQueryKey, queryFn: api.listMembers });
}

/** Adds a member and puts them in the table without a refetch. */
export function useCreateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.createMember,
    onSuccess: (member) =>
      queryClient.setQueryData<Member[]>(membersQueryKey, (members) => [...(members ?? []), member]),
  });
}

/** Changes one member (role, assigned-only, active) and swaps in the server's answer. */
export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, changes }: { memberId: string; changes: UpdateMemberRequest }) =>
      api.updateMember(memberId, changes),
    onSuccess: (updated) =>
      queryClient.setQueryData<Member[]>(membersQueryKey, (members) =>
        members?.map((member) => (member.id === updated.id ? updated : member)),
      ),
  });
}
