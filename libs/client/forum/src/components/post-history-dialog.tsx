import { useForumPostHistoryQuery } from '@anyam/client/graphql';
import { Button, DateTime, Dialog, Skeleton } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';

export interface PostHistoryTarget {
  threadId: string;
  postId: string;
  number: number;
  /** The cursor of the post before it in the thread (none for the opening post). */
  after: string | null;
}

/** A post's earlier versions, newest first: who edited, when, and the text before that edit. */
export function PostHistoryDialog({ target, onClose }: { target: PostHistoryTarget | null; onClose: () => void }) {
  const { t } = useTranslation('forum');
  const { data, loading, error, refetch } = useForumPostHistoryQuery({
    variables: { threadId: target?.threadId ?? '', after: target?.after ?? null },
    skip: !target,
    fetchPolicy: 'network-only',
  });
  const node = data?.thread.posts.edges[0]?.node;
  const revisions = node && node.id === target?.postId ? [...node.revisions].reverse() : null;
  return (
    <Dialog open={Boolean(target)} onClose={onClose} title={t('thread.historyTitle', { number: target?.number ?? '' })}>
      {revisions ? (
        revisions.length === 0 ? (
          <p>{t('thread.historyEmpty')}</p>
        ) : (
          <ol className="an-forum-history">
            {revisions.map((revision, i) => (
              <li key={`${revision.editedAt}-${i}`}>
                <p className="an-forum-meta">
                  {t('thread.historyEntry', { name: revision.editor?.name ?? t('thread.removedAuthor') })}{' '}
                  <DateTime value={revision.editedAt} />
                </p>
                <p className="an-forum-history__label">{t('thread.historyBefore')}</p>
                <pre className="an-forum-history__body">{revision.previousBodyMarkdown}</pre>
              </li>
            ))}
          </ol>
        )
      ) : error ? (
        <p>
          {t('state.error')}{' '}
          <Button variant="secondary" onClick={() => void refetch()}>
            {t('state.retry')}
          </Button>
        </p>
      ) : (
        loading && <Skeleton label={t('state.loading')} lines={3} heading={false} />
      )}
    </Dialog>
  );
}
