import { useMeetingsHubMembersQuery } from '@anyam/client/graphql';

/** Members of the organising hub the viewer may see (for owners of action items and attendance); organisers only. */
export function useHubMembers(slug: string | undefined, enabled: boolean) {
  const query = useMeetingsHubMembersQuery({ variables: { slug: slug ?? '' }, skip: !slug || !enabled });
  return query.data?.hub.members?.edges.map((e) => e.node.member) ?? [];
}
