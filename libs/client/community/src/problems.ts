import type { ApiProblem } from '@anyam/client/graphql';

export interface CommunityProblem {
  /** The API field it belongs to, or null for the whole form. */
  field: string | null;
  /** Translation keys to try in order, most specific first ("errors.slug.taken", "errors.reason.taken", …). */
  keys: string[];
}

/** Turns what the API said into translation keys (never a bare code): per field and reason, per reason, per code. */
export function communityProblems(problems: ApiProblem[]): CommunityProblem[] {
  return problems.map((problem) => {
    const keys: string[] = [];
    if (problem.field && problem.reason) keys.push(`errors.${problem.field}.${problem.reason}`);
    if (problem.reason) keys.push(`errors.reason.${problem.reason}`);
    keys.push(`errors.code.${problem.code}`, 'errors.code.UNKNOWN');
    return { field: problem.field, keys };
  });
}
