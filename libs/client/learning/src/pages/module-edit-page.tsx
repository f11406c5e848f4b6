import '../learning.css';
import { useApolloClient } from '@apollo/client/react';
import {
  useLearningThemesQuery,
  useLearningCatalogueQuery,
  useLearningCreateModuleMutation,
  useLearningFilterOptionsQuery,
  useLearningModuleEditorQuery,
  useLearningPublishModuleMutation,
  useLearningReorderLessonsMutation,
  useLearningUpdateModuleMutation,
} from '@anyam/client/graphql';
import { Button, Link, Notice, PageHeading, Select, TextField, useAnnounce } from '@anyam/client/ui';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryState, type Level, type Mode } from '../components/common';
import { TextArea } from '../components/text-area';
import { languageName, move, slugify, themeName } from '../format';
import { useLearningErrorMessage, useLearningForm } from '../problems';

type Field = 'hubId' | 'title' | 'slug' | 'summary' | 'level' | 'language' | 'estimatedHours' | 'deliveryMode' | 'selfPaced';
const LEVELS: Level[] = ['INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'];
const MODES: Mode[] = ['ONLINE', 'HYBRID', 'OFFLINE'];
const LANGUAGES = ['en', 'id', 'es', 'pt'];

/** `/learn/new` (no slug) creates a draft module; `/learn/modules/:slug/edit` edits it, orders its lessons and publishes it. */
export default function ModuleEditPage() {
  const { slug } = useParams();
  const editor = useLearningModuleEditorQuery({ variables: { slug: slug ?? '' }, skip: !slug, fetchPolicy: 'cache-and-network' });
  if (slug && !editor.data) return <QueryState loading={editor.loading} error={editor.error} retry={() => void editor.refetch()} />;
  const m = editor.data?.trainingModule ?? null;
  if (m && !m.viewerCanEdit) return <NotAllowed />;
  return <ModuleForm key={m?.id ?? 'new'} module={m} />;
}

export function NotAllowed() {
  const { t } = useTranslation('learning');
  return (
    <>
      <PageHeading>{t('state.notAllowedTitle')}</PageHeading>
      <p>{t('state.notAllowed')}</p>
      <p>
        <Link to="/learn">{t('state.toCatalogue')}</Link>
      </p>
    </>
  );
}

type EditorModule = NonNullable<ReturnType<typeof useLearningModuleEditorQuery>['data']>['trainingModule'];

function ModuleForm({ module: m }: { module: EditorModule | null }) {
  const { t, i18n } = useTranslation('learning');
  const locale = i18n.resolvedLanguage ?? 'en';
  const navigate = useNavigate();
  const announce = useAnnounce();
  const options = useLearningFilterOptionsQuery();
  const catalogue = useLearningCatalogueQuery({ variables: { first: 50 } });
  const [create] = useLearningCreateModuleMutation();
  const [update] = useLearningUpdateModuleMutation();
  const hubs = (options.data?.hubs.edges ?? []).map((e) => e.node).filter((h) => h.viewerRole === 'FACILITATOR' || h.viewerRole === 'COORDINATOR');
  const [themes, setThemes] = useState<string[]>(m ? [...m.themes] : []);
  const themeList = useLearningThemesQuery({ fetchPolicy: 'cache-first' });
  const [prerequisites, setPrerequisites] = useState<string[]>(m?.prerequisites.map((p) => p.id) ?? []);
  const [slugTouched, setSlugTouched] = useState(Boolean(m));
  const [saved, setSaved] = useState(false);

  const { form, busy, submit, summary } = useLearningForm<Field>({
    id: 'module',
    initial: {
      hubId: m?.hub.id ?? '',
      title: m?.title ?? '',
      slug: m?.slug ?? '',
      summary: m?.summary ?? '',
      level: m?.level ?? 'INTRODUCTORY',
      language: m?.language ?? (LANGUAGES.includes(locale) ? locale : 'en'),
      estimatedHours: String(m?.estimatedHours ?? 1),
      deliveryMode: m?.deliveryMode ?? 'ONLINE',
      selfPaced: m ? String(m.selfPaced) : 'true',
    },
    rules: {
      hubId: (v) => (m || v ? null : 'rules.hubRequired'),
      title: (v) => (v.trim() ? null : 'rules.titleRequired'),
      slug: (v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? null : 'rules.slugInvalid'),
      estimatedHours: (v) => (Number(v) > 0 && Number(v) <= 1000 ? null : 'rules.hoursInvalid'),
    },
  });

  useEffect(() => {
    if (!m && !form.values.hubId && hubs.length === 1) form.set('hubId', hubs[0].id);
  }, [hubs, m, form]);

  const onSubmit = submit(async (values) => {
    setSaved(false);
    const common = {
      title: values.title.trim(),
      slug: values.slug,
      summary: values.summary.trim(),
      level: values.level as Level,
      language: values.language,
      estimatedHours: Number(values.estimatedHours),
      deliveryMode: values.deliveryMode as Mode,
      selfPaced: values.selfPaced === 'true',
      themes,
      prerequisiteIds: prerequisites,
    };
    if (m) {
      await update({ variables: { input: { id: m.id, ...common } } });
      setSaved(true);
      announce(t('edit.saved'));
      if (values.slug !== m.slug) navigate(`/learn/modules/${values.slug}/edit`, { replace: true });
    } else {
      const result = await create({ variables: { input: { hubId: values.hubId, ...common } } });
      const created = result.data?.createTrainingModule;
      if (!created) return;
      announce(t('edit.created'));
      navigate(`/learn/modules/${created.slug}/edit`);
    }
  });

  const otherModules = (catalogue.data?.trainingModules.edges ?? []).map((e) => e.node).filter((n) => n.id !== m?.id);

  return (
    <>
      <p className="an-learn-crumb">
        <Link to={m ? `/learn/modules/${m.slug}` : '/learn'}>{m ? m.title : t('module.breadcrumb')}</Link>
      </p>
      <PageHeading>{m ? t('edit.titleEdit') : t('edit.titleNew')}</PageHeading>
      {m && (
        <p>
          {t(`module.status.${m.status}`)}
        </p>
      )}
      <form className="an-form" noValidate onSubmit={onSubmit}>
        {summary}
        {!m && (
          <Select
            {...form.field('hubId')}
            label={t('edit.hub')}
            hint={hubs.length === 0 ? t('edit.noHubs') : undefined}
            options={[{ value: '', label: t('edit.chooseHub') }, ...hubs.map((h) => ({ value: h.id, label: h.name }))]}
          />
        )}
        <TextField
          {...form.field('title')}
          label={t('edit.title')}
          maxLength={200}
          onChange={(v) => {
            form.set('title', v);
            if (!slugTouched) form.set('slug', slugify(v));
          }}
        />
        <TextField
          {...form.field('slug')}
          label={t('edit.slug')}
          hint={t('edit.slugHint')}
          maxLength={80}
          onChange={(v) => {
            setSlugTouched(true);
            form.set('slug', v);
          }}
        />
        <TextArea {...form.field('summary')} label={t('edit.summary')} rows={4} maxLength={4000} />
        <Select {...form.field('level')} label={t('catalogue.level')} options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        <Select
          {...form.field('language')}
          label={t('catalogue.language')}
          options={LANGUAGES.map((l) => ({ value: l, label: languageName(l, locale) }))}
        />
        <TextField {...form.field('estimatedHours')} label={t('edit.hours')} inputMode="decimal" />
        <Select {...form.field('deliveryMode')} label={t('catalogue.mode')} options={MODES.map((x) => ({ value: x, label: t(`mode.${x}`) }))} />
        <Select
          {...form.field('selfPaced')}
          label={t('edit.selfPaced')}
          options={[
            { value: 'true', label: t('edit.selfPacedYes') },
            { value: 'false', label: t('edit.selfPacedNo') },
          ]}
        />
        <fieldset className="an-learn-checks">
          <legend>{t('module.themes')}</legend>
          {[...(themeList.data?.themes ?? [])].sort((a, b) => a.position - b.position).map((th) => (
            <label key={th.key}>
              <input
                type="checkbox"
                checked={themes.includes(th.key)}
                onChange={(e) => setThemes((now) => (e.target.checked ? [...now, th.key] : now.filter((k) => k !== th.key)))}
              />
              {th.parentKey ? '— ' : ''}
              {themeName(th, locale)}
            </label>
          ))}
        </fieldset>
        {otherModules.length > 0 && (
          <fieldset className="an-learn-checks">
            <legend>{t('module.prerequisites')}</legend>
            {otherModules.map((o) => (
              <label key={o.id}>
                <input
                  type="checkbox"
                  checked={prerequisites.includes(o.id)}
                  onChange={(e) => setPrerequisites((now) => (e.target.checked ? [...now, o.id] : now.filter((k) => k !== o.id)))}
                />
                <span lang={o.language}>{o.title}</span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {m ? t('edit.save') : t('edit.create')}
          </Button>
          {saved && <span className="an-status">{t('edit.saved')}</span>}
        </div>
      </form>
      {m && <LessonsAndPublish module={m} />}
    </>
  );
}

function LessonsAndPublish({ module: m }: { module: EditorModule }) {
  const { t } = useTranslation('learning');
  const announce = useAnnounce();
  const client = useApolloClient();
  const errorMessage = useLearningErrorMessage();
  const [reorder] = useLearningReorderLessonsMutation();
  const [publish] = useLearningPublishModuleMutation();
  const [order, setOrder] = useState(m.lessons);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setOrder(m.lessons), [m.lessons]);

  const moveLesson = async (index: number, by: -1 | 1) => {
    const next = move(order, index, by);
    if (next.every((l, i) => l.id === order[i].id)) return;
    const previous = order;
    setOrder(next);
    setBusy(`move-${next[index + by].id}`);
    setProblem(null);
    try {
      await reorder({ variables: { moduleId: m.id, lessonIds: next.map((l) => l.id) } });
      announce(t('edit.moved', { title: next[index + by].title, position: index + by + 1 }));
      // Keep focus on the same button of the moved lesson.
      window.setTimeout(() => document.getElementById(`move-${by < 0 ? 'up' : 'down'}-${next[index + by].id}`)?.focus(), 0);
    } catch (error) {
      setOrder(previous);
      setProblem(errorMessage(error).message);
    } finally {
      setBusy(null);
    }
  };

  const doPublish = async () => {
    setBusy('publish');
    setProblem(null);
    try {
      await publish({ variables: { id: m.id } });
      await client.refetchQueries({ include: ['LearningModuleEditor'] });
      announce(t('edit.published'));
    } catch (error) {
      const { message } = errorMessage(error);
      setProblem(message);
      announce(message, 'assertive');
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <section aria-labelledby="edit-lessons" className="an-section">
        <h2 id="edit-lessons">{t('module.lessons')}</h2>
        {problem && (
          <Notice tone="error" role="alert">
            <p>{problem}</p>
          </Notice>
        )}
        {order.length === 0 ? (
          <p>{t('edit.noLessons')}</p>
        ) : (
          <ol className="an-learn-lessons">
            {order.map((lesson, index) => (
              <li key={lesson.id}>
                <Link to={`/learn/lessons/${lesson.id}/edit`}>
                  {index + 1}. {lesson.title}
                </Link>
                <span className="an-learn-reorder">
                  <Button
                    id={`move-up-${lesson.id}`}
                    variant="quiet"
                    aria-label={t('edit.moveUp', { title: lesson.title })}
                    aria-disabled={index === 0 || undefined}
                    busy={busy === `move-${lesson.id}`}
                    onClick={() => index > 0 && void moveLesson(index, -1)}
                  >
                    <ArrowUp className="an-icon" aria-hidden="true" focusable="false" />
                  </Button>
                  <Button
                    id={`move-down-${lesson.id}`}
                    variant="quiet"
                    aria-label={t('edit.moveDown', { title: lesson.title })}
                    aria-disabled={index === order.length - 1 || undefined}
                    onClick={() => index < order.length - 1 && void moveLesson(index, 1)}
                  >
                    <ArrowDown className="an-icon" aria-hidden="true" focusable="false" />
                  </Button>
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="an-actions an-after-form">
          <Link to={`/learn/modules/${m.slug}/lessons/new`} appearance="button-secondary">
            {t('edit.addLesson')}
          </Link>
          <Link to={`/learn/modules/${m.slug}/cohorts/new`} appearance="button-secondary">
            {t('module.newCohort')}
          </Link>
        </div>
      </section>
      {m.status === 'DRAFT' && (
        <section aria-labelledby="edit-publish" className="an-section">
          <h2 id="edit-publish">{t('edit.publishTitle')}</h2>
          <p>{t('edit.publishHint')}</p>
          <Button busy={busy === 'publish'} onClick={() => void doPublish()}>
            {t('edit.publish')}
          </Button>
        </section>
      )}
    </>
  );
}
