import '../learning.css';
import { useLearningCreateCohortMutation, useLearningModuleEditorQuery } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, TextField, useAnnounce } from '@anyam/client/ui';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryState, type Mode } from '../components/common';
import { useLearningForm } from '../problems';
import { NotAllowed } from './module-edit-page';

type Field = 'name' | 'startsOn' | 'endsOn' | 'seats' | 'enrolmentClosesAt' | 'deliveryMode' | 'place' | 'link';
const MODES: Mode[] = ['ONLINE', 'HYBRID', 'OFFLINE'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default function CohortNewPage() {
  const { slug = '' } = useParams();
  const query = useLearningModuleEditorQuery({ variables: { slug } });
  if (!query.data) return <QueryState loading={query.loading} error={query.error} retry={() => void query.refetch()} />;
  const m = query.data.trainingModule;
  if (!m.viewerCanEdit) return <NotAllowed />;
  return <CohortForm module={m} />;
}

function CohortForm({ module: m }: { module: { id: string; slug: string; title: string; deliveryMode: Mode } }) {
  const { t } = useTranslation('learning');
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [create] = useLearningCreateCohortMutation();
  const { form, busy, submit, summary } = useLearningForm<Field>({
    id: 'cohort',
    initial: { name: '', startsOn: '', endsOn: '', seats: '20', enrolmentClosesAt: '', deliveryMode: m.deliveryMode, place: '', link: '' },
    rules: {
      name: (v) => (v.trim() ? null : 'rules.nameRequired'),
      startsOn: (v) => (DATE.test(v) ? null : 'rules.dateRequired'),
      endsOn: (v, all) => (!DATE.test(v) ? 'rules.dateRequired' : all.startsOn && v < all.startsOn ? 'rules.endBeforeStart' : null),
      seats: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10000 ? null : 'rules.seatsInvalid'),
      link: (v) => (v === '' || /^https:\/\/\S+$/.test(v) ? null : 'rules.linkInvalid'),
    },
  });

  const onSubmit = submit(async (values) => {
    const result = await create({
      variables: {
        input: {
          moduleId: m.id,
          name: values.name.trim(),
          startsOn: values.startsOn,
          endsOn: values.endsOn,
          seats: Number(values.seats),
          deliveryMode: values.deliveryMode as Mode,
          ...(values.enrolmentClosesAt ? { enrolmentClosesAt: new Date(`${values.enrolmentClosesAt}T23:59:00`).toISOString() } : {}),
          ...(values.place.trim() ? { place: values.place.trim() } : {}),
          ...(values.link.trim() ? { link: values.link.trim() } : {}),
        },
      },
    });
    const cohort = result.data?.createCohort;
    if (!cohort) return;
    announce(t('cohortNew.created'));
    navigate(`/learn/cohorts/${cohort.id}`);
  });

  return (
    <>
      <p className="an-learn-crumb">
        <Link to={`/learn/modules/${m.slug}`}>{m.title}</Link>
      </p>
      <PageHeading>{t('cohortNew.title')}</PageHeading>
      <form className="an-form" noValidate onSubmit={onSubmit}>
        {summary}
        <TextField {...form.field('name')} label={t('cohortNew.name')} hint={t('cohortNew.nameHint')} maxLength={120} />
        <TextField {...form.field('startsOn')} type="date" label={t('cohortNew.startsOn')} />
        <TextField {...form.field('endsOn')} type="date" label={t('cohortNew.endsOn')} />
        <TextField {...form.field('seats')} label={t('cohortNew.seats')} inputMode="numeric" />
        <TextField {...form.field('enrolmentClosesAt')} type="date" label={t('cohortNew.closes')} hint={t('cohortNew.closesHint')} />
        <Select {...form.field('deliveryMode')} label={t('catalogue.mode')} options={MODES.map((x) => ({ value: x, label: t(`mode.${x}`) }))} />
        <TextField {...form.field('place')} label={t('cohortNew.place')} hint={t('cohortNew.placeHint')} maxLength={300} />
        <TextField {...form.field('link')} type="url" label={t('cohortNew.link')} hint={t('cohortNew.linkHint')} maxLength={500} />
        <div className="an-actions">
          <Button type="submit" busy={busy}>
            {t('cohortNew.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
