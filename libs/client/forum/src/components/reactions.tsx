import { useForumReactMutation, useForumUnreactMutation, type ForumPostFragment, type ReactionKind } from '@anyam/client/graphql';
import { useAnnounce } from '@anyam/client/ui';
import { CircleHelp, HandHeart, Lightbulb, ThumbsUp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useForumErrorMessage } from '../problems';

/** The fixed set, in the API's order. */
export const REACTION_KINDS: ReactionKind[] = ['LIKE', 'THANKS', 'INSIGHTFUL', 'QUESTION'];
const ICONS = { LIKE: ThumbsUp, THANKS: HandHeart, INSIGHTFUL: Lightbulb, QUESTION: CircleHelp } as const;
const icon = { className: 'an-icon', 'aria-hidden': true, focusable: false } as const;

/**
 * Reactions under a post: toggle buttons (aria-pressed; named by what shows: "Thanks 2") for members who may react, the
 * counts alone for everyone else. Optimistic: the count moves at once and comes back if the API says no.
 */
export function Reactions({ post }: { post: ForumPostFragment }) {
  const { t } = useTranslation('forum');
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const [react] = useForumReactMutation();
  const [unreact] = useForumUnreactMutation();
  const counts = new Map(post.reactions.map((r) => [r.kind, r.count]));
  const mine = new Set(post.viewerReactions);

  if (!post.viewerCanReact) {
    if (post.reactions.length === 0) return null;
    return (
      <ul className="an-forum-reactions an-forum-reactions--static" aria-label={t('reactions.label')}>
        {post.reactions.map(({ kind, count }) => {
          const Icon = ICONS[kind];
          return (
            <li key={kind}>
              <Icon {...icon} />
              {t(`reactions.count.${kind}`, { count })}
            </li>
          );
        })}
      </ul>
    );
  }

  const toggle = async (kind: ReactionKind) => {
    const on = !mine.has(kind);
    const nextMine = REACTION_KINDS.filter((k) => (k === kind ? on : mine.has(k)));
    const nextCounts = REACTION_KINDS.map((k) => ({
      __typename: 'ReactionCount' as const,
      kind: k,
      count: (counts.get(k) ?? 0) + (k === kind ? (on ? 1 : -1) : 0),
    })).filter((r) => r.count > 0);
    const optimistic = { __typename: 'Post' as const, id: post.id, viewerReactions: nextMine, reactions: nextCounts };
    try {
      if (on) await react({ variables: { postId: post.id, kind }, optimisticResponse: { react: optimistic } });
      else await unreact({ variables: { postId: post.id, kind }, optimisticResponse: { unreact: optimistic } });
    } catch (err) {
      announce(errorMessage(err).message, 'assertive');
    }
  };

  return (
    <div className="an-forum-reactions" role="group" aria-label={t('reactions.label')}>
      {REACTION_KINDS.map((kind) => {
        const Icon = ICONS[kind];
        const count = counts.get(kind) ?? 0;
        return (
          <button
            key={kind}
            type="button"
            className="an-forum-reaction"
            aria-pressed={mine.has(kind)}
            onClick={() => void toggle(kind)}
          >
            <Icon {...icon} />
            {t(`reactions.name.${kind}`)}
            {count > 0 && <span className="an-forum-reaction__count"> {count}</span>}
          </button>
        );
      })}
    </div>
  );
}
