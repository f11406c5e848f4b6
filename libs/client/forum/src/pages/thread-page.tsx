import '../forum.css';
import { useSession } from '@anyam/client/account';
import {
  useForumAcceptAnswerMutation,
  useForumCreatePostMutation,
  useForumDeletePostMutation,
  useForumHidePostMutation,
  useForumMarkThreadReadMutation,
  useForumPostAddedSubscription,
  useForumRestorePostMutation,
  useForumThreadQuery,
  type ForumCreatePostMutation,
  type ForumPostFragment,
} from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, useAnnounce } from '@anyam/client/ui';
import { EyeOff, Flag, Lock, Pin, Undo2 } from 'lucide-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { appendPost, POSTS_PAGE } from '../cache';
import { ConfirmDialog } from '../components/confirm-dialog';
import { FlagDialog } from '../components/flag-dialog';
import { MarkdownArea } from '../components/markdown-area';
import { MoveThread } from '../components/move-thread';
import { PostEditor } from '../components/post-editor';
import { PostHistoryDialog, type PostHistoryTarget } from '../components/post-history-dialog';
import { PostView } from '../components/post-view';
import { QueryState } from '../components/query-state';
import { Reactions } from '../components/reactions';
import { ThreadModeration } from '../components/thread-moderation';
import { WatchButton } from '../components/watch-button';
import { useForumErrorMessage } from '../problems';
import { htmlToText, newClientMutationId, plainHtml, quoteMarkdown } from '../text';
import { useDraftAutosave } from '../use-draft';

const icon = { className: 'an-icon', 'aria-hidden': true, focusable: false } as const;

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
  const [deletePost, deleteState] = useForumDeletePostMutation();
  const [hidePost] = useForumHidePostMutation();
  const [restorePost] = useForumRestorePostMutation();
  const [markRead] = useForumMarkThreadReadMutation();

  const [reply, setReply] = useState('');
  const [quotePostId, setQuotePostId] = useState<string | null>(null);
  const [replyError, setReplyError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [accepting, setAccepting] = useState<string | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ForumPostFragment | null>(null);
  const [flagging, setFlagging] = useState<ForumPostFragment | null>(null);
  const [history, setHistory] = useState<PostHistoryTarget | null>(null);
  // Kept until the server has the reply: sending again after a lost answer returns the same post.
  const clientMutationId = useRef(newClientMutationId());
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const draft = useDraftAutosave(threadId, Boolean(member));
  // Where the member had read up to when the page opened: later posts are marked "new".
  const readMark = useRef<{ threadId: string; number: number | null } | null>(null);
  const lastMarked = useRef<string | null>(null);

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

  const thread = data?.thread;
  const edges = thread?.posts.edges ?? [];
  const lastPost = edges[edges.length - 1]?.node;

  // The unread position as it was on arrival, and the saved draft back in the box.
  useEffect(() => {
    if (!thread || readMark.current?.threadId === thread.id) return;
    const lastRead = thread.lastReadPostId ? thread.posts.edges.find((e) => e.node.id === thread.lastReadPostId)?.node : undefined;
    readMark.current = { threadId: thread.id, number: thread.lastReadPostId ? (lastRead?.number ?? null) : 0 };
    if (thread.draft?.body) {
      setReply((current) => current || thread.draft!.body);
      draft.restored(thread.draft.body);
    }
  }, [thread, draft]);

  // Members: read up to the last post shown (again when new posts arrive).
  useEffect(() => {
    if (!member || !thread || !lastPost || lastPost.id.startsWith('optimistic-') || lastMarked.current === lastPost.id) return;
    if (thread.lastReadPostId === lastPost.id) return;
    lastMarked.current = lastPost.id;
    void markRead({ variables: { threadId: thread.id, postId: lastPost.id } }).catch(() => (lastMarked.current = null));
  }, [member, thread, lastPost, markRead]);

  // A link to one post (from search or a notification: /forum/t/…#post-…) scrolls to it once the posts are in.
  const loaded = Boolean(data);
  useEffect(() => {
    if (loaded && location.hash.startsWith('#post-')) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [loaded, location.hash]);

  if (!thread) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const posts = edges.map((e) => e.node);
  const byId = new Map(posts.map((p) => [p.id, p]));
  const opening = posts.find((p) => p.number === 1);
  const accepted = thread.acceptedPostId ? byId.get(thread.acceptedPostId) : undefined;
  // The question, then the accepted answer (marked), then the other replies in order.
  const replies = posts.filter((p) => p !== opening && p !== accepted);
  const canWrite = thread.viewerCanReply;
  const readUpTo = readMark.current?.threadId === thread.id ? readMark.current.number : null;
  const isNew = (post: ForumPostFragment) =>
    Boolean(member) && readUpTo !== null && readUpTo > 0 && post.number > readUpTo && post.author?.id !== member?.id;

  const quote = (post: ForumPostFragment) => {
    const name = post.author?.name ?? t('thread.removedAuthor');
    const source = post.bodyMarkdown ?? htmlToText(post.bodyHtml);
    const mention = post.author && post.author.id !== member?.id ? `@${post.author.handle} ` : '';
    const next = `${reply ? `${reply.trimEnd()}\n\n` : ''}${quoteMarkdown(`**${t('thread.wrote', { name })}**`, source)}${mention}`;
    setReply(next);
    draft.changed(next);
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
        viewerCanReact: false,
        viewerCanFlag: false,
        viewerCanModerate: false,
        viewerReactions: [],
        hidden: false,
        status: 'VISIBLE',
        reactions: [],
        author: member ? { __typename: 'ForumAuthor', id: member.id, name: member.name, handle: '' } : null,
      },
    } as ForumCreatePostMutation;
    try {
      const result = await createPost({
        variables: { input: { threadId: thread.id, body, quotePostId, clientMutationId: id } },
        optimisticResponse: optimistic,
        update: (cache, res) => {
          const post = res.data?.createPost;
          if (post) appendPost(cache, variables, post);
        },
      });
      clientMutationId.current = newClientMutationId();
      setReply('');
      setQuotePostId(null);
      draft.sent();
      announce(result.data?.createPost.status === 'HELD' ? t('thread.sentHeld') : t('thread.sent'));
    } catch (err) {
      const { message } = errorMessage(err);
      setReplyError(message);
      announce(message, 'assertive');
    } finally {
      setSending(false);
    }
  };

  const focusPost = (postId: string) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#post-${CSS.escape(postId)} .an-forum-post__body`)?.focus());

  const remove = async () => {
    const post = deleting;
    if (!post) return;
    try {
      await deletePost({ variables: { postId: post.id } });
      setDeleting(null);
      announce(t('thread.deleted'));
      focusPost(post.id);
    } catch (err) {
      setDeleting(null);
      announce(errorMessage(err).message, 'assertive');
    }
  };

  const moderate = async (post: ForumPostFragment, hide: boolean) => {
    try {
      if (hide) await hidePost({ variables: { postId: post.id } });
      else await restorePost({ variables: { postId: post.id } });
      announce(hide ? t('moderation.hidden') : t('moderation.restored'));
    } catch (err) {
      announce(errorMessage(err).message, 'assertive');
    }
  };

  const openHistory = (post: ForumPostFragment) => {
    const index = edges.findIndex((e) => e.node.id === post.id);
    setHistory({ threadId: thread.id, postId: post.id, number: post.number, after: index > 0 ? edges[index - 1].cursor : null });
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

  const view = (post: ForumPostFragment) => {
    const pending = post.id.startsWith('optimistic-');
    const name = post.author?.name ?? t('thread.removedAuthor');
    return (
      <PostView
        key={post.id}
        post={post}
        accepted={post.id === thread.acceptedPostId}
        isNew={isNew(post)}
        quoted={post.quotePostId ? byId.get(post.quotePostId) : undefined}
        canQuote={canWrite && post.status === 'VISIBLE' && !post.hidden}
        canAccept={thread.viewerCanAcceptAnswer && post.number > 1 && post.id !== thread.acceptedPostId && post.status === 'VISIBLE' && !post.hidden}
        accepting={accepting === post.id}
        onQuote={quote}
        onAccept={(p) => void accept(p)}
        onEdit={(p) => setEditing(p.id)}
        onDelete={(p) => setDeleting(p)}
        onHistory={openHistory}
        footer={<Reactions post={post} />}
        moreActions={
          <>
            {post.viewerCanFlag && (
              <Button variant="quiet" aria-label={t('flag.buttonLabel', { number: post.number, name })} onClick={() => setFlagging(post)}>
                <Flag {...icon} />
                {t('flag.button')}
              </Button>
            )}
            {post.viewerCanModerate && !post.hidden && post.number > 1 && (
              <Button variant="quiet" aria-label={t('moderation.hideLabel', { number: post.number })} onClick={() => void moderate(post, true)}>
                <EyeOff {...icon} />
                {t('moderation.hide')}
              </Button>
            )}
          </>
        }
        restoreAction={
          post.viewerCanModerate && post.hidden ? (
            <Button variant="secondary" aria-label={t('moderation.restoreLabel', { number: post.number })} onClick={() => void moderate(post, false)}>
              <Undo2 {...icon} />
              {t('moderation.restore')}
            </Button>
          ) : undefined
        }
        editor={
          editing === post.id ? (
            <PostEditor
              post={post}
              onDone={() => {
                setEditing(null);
                focusPost(post.id);
              }}
            />
          ) : undefined
        }
        pending={pending}
      />
    );
  };

  const draftStatus =
    draft.state === 'saving' ? t('draft.saving') : draft.state === 'saved' ? t('draft.saved') : draft.state === 'failed' ? t('draft.failed') : null;

  return (
    <>
      <p className="an-forum-breadcrumb">
        <Link to="/forum">{t('group.breadcrumb')}</Link> › <Link to={`/forum/${thread.group.slug}`}>{thread.group.name}</Link>
      </p>
      <PageHeading title={thread.title}>
        <span lang={thread.language}>{thread.title}</span>
      </PageHeading>
      {(thread.pinned || thread.held) && (
        <p className="an-forum-markers">
          {thread.pinned && (
            <span className="an-forum-badge">
              <Pin {...icon} />
              {t('group.pinned')}
            </span>
          )}
          {thread.held && <span className="an-forum-badge an-forum-badge--warn">{t('thread.heldThread')}</span>}
        </p>
      )}
      {member && (
        <div className="an-actions an-forum-thread-actions">
          <WatchButton threadId={thread.id} watching={thread.viewerWatching} />
        </div>
      )}
      {thread.viewerCanModerate && (
        <ThreadModeration threadId={thread.id} pinned={thread.pinned} locked={thread.locked}>
          <MoveThread threadId={thread.id} groupId={thread.group.id} />
        </ThreadModeration>
      )}
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
                draft.changed(value);
                if (!value.trim()) setQuotePostId(null);
              }}
              error={replyError}
              textareaRef={replyRef}
              rows={5}
              status={
                <span role="status" className="an-forum-draft-status">
                  {draftStatus}
                </span>
              }
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
      <ConfirmDialog
        open={Boolean(deleting)}
        title={t('thread.deleteTitle')}
        confirm={t('thread.deleteConfirm')}
        cancel={t('thread.deleteCancel')}
        busy={deleteState.loading}
        danger
        onConfirm={() => void remove()}
        onClose={() => setDeleting(null)}
      >
        <p>{t('thread.deleteBody')}</p>
      </ConfirmDialog>
      <FlagDialog post={flagging} onClose={() => setFlagging(null)} />
      <PostHistoryDialog target={history} onClose={() => setHistory(null)} />
    </>
  );
}
