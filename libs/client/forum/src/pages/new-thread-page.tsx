import '../forum.css';
import { useForumCreateThreadMutation, useForumGroupQuery } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, TextField, useAnnounce } from '@anyam/client/ui';
import { isLocale, LOCALE_NAMES, LOCALES } from '@anyam/shared/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MarkdownArea } from '../components/markdown-area';
import { QueryState } from '../components/query-state';
import { useForumForm } from '../problems';
import { newClientMutationId } from '../text';

type Field = 'title' | 'body' | 'language';

export default function ForumNewThreadPage() {
  const { t, i18n } = useTranslation('forum');
  const { groupSlug = '' } = useParams();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const group = useForumGroupQuery({ variables: { slug: groupSlug } });
  const [createThread] = useForumCreateThreadMutation();
  // One id per thread being written: a retry after a lost answer returns the first thread, not a second.
  const clientMutationId = useRef(newClientMutationId());
  const uiLanguage = i18n.resolvedLanguage ?? 'en';
  const { form, busy, submit, summary } = useForumForm<Field>({
    id: 'new-thread',
    initial: { title: '', body: '', language: isLocale(uiLanguage) ? uiLanguage : 'en' },
    rules: {
      title: (v) => (v.trim() ? null : 'rules.titleRequired'),
      body: (v) => (v.trim() ? null : 'rules.bodyRequired'),
    },
  });

  if (!group.data) return <QueryState loading={group.loading} error={group.error} retry={() => void group.refetch()} />;
  const g = group.data.group;

  const onSubmit = submit(async (values) => {
    const result = await createThread({
      variables: {
        input: {
          groupId: g.id,
          title: values.title.trim(),
          body: values.body,
          language: values.language,
          clientMutationId: clientMutationId.current,
        },
      },
    });
    const thread = result.data?.createThread;
    if (!thread) return;
    announce(t('newThread.posted'));
    navigate(`/forum/t/${thread.id}`);
  });

  return (
    <>
      <p className="an-forum-breadcrumb">
        <Link to="/forum">{t('group.breadcrumb')}</Link> › <Link to={`/forum/${g.slug}`}>{g.name}</Link>
      </p>
      <PageHeading title={`${t('newThread.title')} · ${g.name}`}>{t('newThread.title')}</PageHeading>
      <p className="an-lead">{t('newThread.in', { group: g.name })}</p>
      <form className="an-form" noValidate onSubmit={onSubmit}>
        {summary}
        <TextField {...form.field('title')} label={t('newThread.titleLabel')} hint={t('newThread.titleHint')} maxLength={200} />
        <MarkdownArea {...form.field('body')} label={t('newThread.bodyLabel')} hint={t('newThread.bodyHint')} rows={8} />
        <Select
          id={form.fieldId('language')}
          value={form.values.language}
          onChange={(value) => form.set('language', value)}
          error={form.field('language').error}
          label={t('newThread.language')}
          hint={t('newThread.languageHint')}
          options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
        />
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {t('newThread.submit')}
          </Button>
          <Link to={`/forum/${g.slug}`}>{t('newThread.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
