import '../forum.css';
import { useSession } from '@anyam/client/account';
import {
  useForumAcceptAnswerMutation,
  useForumCreatePostMutation,
  useForumPostAddedSubscription,
  useForumThreadQuery,
  type ForumCreatePostMutation,
  type ForumPostFragment,
} from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, useAnnounce } from '@anyam/client/ui';
import { Lock } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { appendPost, POSTS_PAGE } from '../cache';
import { MarkdownArea } from '../components/markdown-area';
import { PostView } from '../components/post-view';
import { QueryState } from '../components/query-state';
import { useForumErrorMessage } from '../problems';
import { htmlToText, newClientMutationId, plainHtml, quoteMarkdown } from '../text';

export default function ForumThreadPage() {
  const { t } = useTranslation('forum');
  const { threadId = '' } = useParams();
  const location = useLocation();
  const { member } = useSession();
  const announce = useAnnounce();
  const errorMessage = useForumErrorMessage();
  const variables = { id: threadId, first: POSTS_PAGE };
  const { data, loading, error, refetch, fetchMore } = useForumThreadQuery({ variables });
  const [createPost] = useForumCreatePostMutation();
  const [acceptAnswer] = useForumAcceptAnswerMutation();

  const [reply, setReply] = useState('');
  const [quotePostId, setQuotePostId] = useState<string | null>(null);
  const [replyError, setReplyError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [accepting, setAccepting] = useState<string | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  // Kept until the server has the reply: sending again after a lost answer returns the same post.
  const clientMutationId = useRef(newClientMutationId());
  const replyRef = useRef<HTMLTextAreaElement>(null);

  // Live: new posts by others appear without a reload and are announced politely. Members only: visitors do
  // not download graphql-ws (about 37 kB) just to read; they see new posts on their next visit.
  useForumPostAddedSubscription({
    variables: { threadId },
    skip: !data || !member,
    onData: ({ client, data: event }) => {
      const post = event.data?.postAdded;
      if (!post) return;
      const added = appendPost(client.cache, variables, post);
      if (added && post.author && post.author.id !== member?.id) {
        announce(t('thread.newReply', { name: post.author.name }));
      }
    },
  });

  // A link to one post (from search: /forum/t/…#post-…) scrolls to it once the posts are in.
  const loaded = Boolean(data);
  useEffect(() => {
    if (loaded && location.hash.startsWith('#post-')) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded, location.hash]);

  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const thread = data.thread;
  const posts = thread.posts.edges.map((e) => e.node);
  const byId = new Map(posts.map((p) => [p.id, p]));
  const opening = posts.find((p) => p.number === 1);
  const accepted = thread.acceptedPostId ? byId.get(thread.acceptedPostId) : undefined;
  // The question, then the accepted answer (marked), then the other replies in order.
  const replies = posts.filter((p) => p !== opening && p !== accepted);
  const canWrite = thread.viewerCanReply;

  const quote = (post: ForumPostFragment) => {
    const name = post.author?.name ?? t('thread.removedAuthor');
    const source = post.bodyMarkdown ?? htmlToText(post.bodyHtml);
    const mention = post.author ? `@${post.author.name.split(/\s+/)[0]} ` : '';
    setReply((current) => `${current ? `${current.trimEnd()}\n\n` : ''}${quoteMarkdown(`**${t('thread.wrote', { name })}**`, source)}${mention}`);
    setQuotePostId(post.id);
    setReplyError(null);
    announce(t('thread.quoted', { name }));
    const box = replyRef.current;
    if (box) {
      box.focus();
      requestAnimationFrame(() => box.setSelectionRange(box.value.length, box.value.length));
    }
  };

  const accept = async (post: ForumPostFragment) => {
    setAccepting(post.id);
    try {
      await acceptAnswer({ variables: { postId: post.id } });
      announce(t('thread.accepted'));
    } catch (err) {
      announce(errorMessage(err).message, 'assertive');
    } finally {
      setAccepting(null);
    }
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const body = reply;
    if (!body.trim()) {
      setReplyError(t('rules.replyRequired'));
      replyRef.current?.focus();
      return;
    }
    setSending(true);
    setReplyError(null);
    const id = clientMutationId.current;
    const optimistic = {
      createPost: {
        __typename: 'Post',
        id: `optimistic-${id}`,
        threadId: thread.id,
        number: (posts[posts.length - 1]?.number ?? 1) + 1,
        createdAt: new Date().toISOString(),
        editedAt: null,
        language: thread.language,
        bodyHtml: plainHtml(body),
        bodyMarkdown: body,
        removed: false,
        isAcceptedAnswer: false,
        quotePostId,
        viewerCanEdit: false,
        viewerCanDelete: false,
        author: member ? { __typename: 'ForumAuthor', id: member.id, name: member.name } : null,
      },
    } as ForumCreatePostMutation;
    try {
      await createPost({
        variables: { input: { threadId: thread.id, body, quotePostId, clientMutationId: id } },
        optimisticResponse: optimistic,
        update: (cache, result) => {
          const post = result.data?.createPost;
          if (post) appendPost(cache, variables, post);
        },
      });
      clientMutationId.current = newClientMutationId();
      setReply('');
      setQuotePostId(null);
      announce(t('thread.sent'));
    } catch (err) {
      const { message } = errorMessage(err);
      setReplyError(message);
      announce(message, 'assertive');
    } finally {
      setSending(false);
    }
  };

  const loadMore = async () => {
    const after = thread.posts.pageInfo.endCursor;
    if (!after) return;
    setMoreBusy(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          thread: {
            ...fetchMoreResult.thread,
            posts: {
              ...fetchMoreResult.thread.posts,
              edges: [...(previous.thread?.posts.edges ?? []), ...fetchMoreResult.thread.posts.edges],
            },
          },
        }),
      });
    } finally {
      setMoreBusy(false);
    }
  };

  const view = (post: ForumPostFragment) => (
    <PostView
      key={post.id}
      post={post}
      accepted={post.id === thread.acceptedPostId}
      quoted={post.quotePostId ? byId.get(post.quotePostId) : undefined}
      canQuote={canWrite}
      canAccept={thread.viewerCanAcceptAnswer && post.number > 1 && post.id !== thread.acceptedPostId}
      accepting={accepting === post.id}
      onQuote={quote}
      onAccept={(p) => void accept(p)}
      pending={post.id.startsWith('optimistic-')}
    />
  );

  return (
    <>
      <p className="an-forum-breadcrumb">
        <Link to="/forum">{t('group.breadcrumb')}</Link> › <Link to={`/forum/${thread.group.slug}`}>{thread.group.name}</Link>
      </p>
      <PageHeading title={thread.title}>
        <span lang={thread.language}>{thread.title}</span>
      </PageHeading>
      {thread.locked && (
        <Notice>
          <p>
            <Lock className="an-icon an-icon--inline" aria-hidden="true" focusable="false" /> {t('thread.locked')}
          </p>
        </Notice>
      )}
      {opening && (
        <section aria-labelledby="forum-question">
          <h2 id="forum-question" className="an-vh">
            {t('thread.question')}
          </h2>
          {view(opening)}
        </section>
      )}
      <section aria-labelledby="forum-replies" className="an-forum-section">
        <h2 id="forum-replies">
          {t('thread.replies')} <span className="an-forum-count">({thread.replyCount})</span>
        </h2>
        {accepted && accepted !== opening && view(accepted)}
        {replies.length === 0 && !accepted ? <p>{t('thread.noReplies')}</p> : replies.map(view)}
        {thread.posts.pageInfo.hasNextPage && (
          <p>
            <Button variant="secondary" busy={moreBusy} onClick={() => void loadMore()}>
              {t('thread.loadMore')}
            </Button>
          </p>
        )}
      </section>
      {canWrite ? (
        <section aria-labelledby="forum-reply" className="an-forum-section an-forum-reply">
          <h2 id="forum-reply">{t('thread.replyHeading')}</h2>
          <form onSubmit={(e) => void send(e)} noValidate className="an-form">
            <MarkdownArea
              id="forum-reply-body"
              name="body"
              label={t('thread.replyLabel')}
              hint={t('thread.replyHint')}
              value={reply}
              onChange={(value) => {
                setReply(value);
                if (!value.trim()) setQuotePostId(null);
              }}
              error={replyError}
              textareaRef={replyRef}
              rows={5}
            />
            <div className="an-actions">
              <Button type="submit" busy={sending}>
                {t('thread.send')}
              </Button>
            </div>
          </form>
        </section>
      ) : thread.locked ? null : !member ? (
        <p className="an-forum-section">
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} appearance="button-secondary">
            {t('thread.signInToReply')}
          </Link>
        </p>
      ) : (
        <p className="an-forum-section">{t('thread.cannotReply')}</p>
      )}
    </>
  );
}
