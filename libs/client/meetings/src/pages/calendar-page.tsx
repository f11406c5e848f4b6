import '../meetings.css';
import { useSession } from '@anyam/client/account';
import { useMeetingsCalendarQuery, useMeetingsPlacesQuery, type MeetingKind, type MeetingsOccurrenceRowFragment } from '@anyam/client/graphql';
import { Button, Link, PageHeading, Select, Skeleton, useViewer } from '@anyam/client/ui';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OccurrenceItem } from '../components/occurrence-item';
import { QueryState } from '../components/query-state';
import {
  addDays,
  addMonths,
  dayKey,
  longDay,
  monthGrid,
  monthTitle,
  startOfDayInstant,
  today,
  weekdayIndex,
  weekdayNames,
  weekStart,
} from '../time';

type View = 'list' | 'week' | 'month';
const KINDS: MeetingKind[] = ['regional', 'inter_hub', 'training', 'world_cafe', 'other'];
const LIST_DAYS = 92;
const PAGE = 50;

function isView(value: string | null): value is View {
  return value === 'list' || value === 'week' || value === 'month';
}

/** Phones start on the agenda list; wider screens on the month. */
function defaultView(): View {
  return typeof window !== 'undefined' && window.matchMedia?.('(max-width: 40rem)').matches ? 'list' : 'month';
}

function groupByDay(items: MeetingsOccurrenceRowFragment[], timeZone: string) {
  const days = new Map<string, MeetingsOccurrenceRowFragment[]>();
  for (const o of items) {
    const key = dayKey(o.start, timeZone);
    days.set(key, [...(days.get(key) ?? []), o]);
  }
  return days;
}

export default function MeetingsCalendarPage() {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  // Until the session is known, viewer-dependent answers (hubs-only meetings, my answers) would be a visitor's.
  const { member, status } = useSession();
  const waiting = status === 'loading';
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get('view')) ? (params.get('view') as View) : defaultView();
  const todayKey = today(viewer.timeZone);
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('day') ?? '') ? (params.get('day') as string) : todayKey;
  const regionId = params.get('region') ?? '';
  const hubId = params.get('hub') ?? '';
  const kind = (params.get('kind') ?? '') as MeetingKind | '';
  const activeFilters = [regionId, hubId, kind].filter(Boolean).length;
  const [filtersOpen, setFiltersOpen] = useState(() => defaultView() === 'month' || activeFilters > 0);

  const places = useMeetingsPlacesQuery({ skip: waiting });
  const regions = places.data?.regions ?? [];
  const hubs = regions.flatMap((r) => r.hubs.map((h) => ({ ...h, regionId: r.id })));
  const canCreate = Boolean(member) && hubs.some((h) => h.viewerCanEdit);

  const range = useMemo(() => {
    if (view === 'week') {
      const first = weekStart(anchor);
      return { first, last: addDays(first, 6) };
    }
    if (view === 'month') {
      const weeks = monthGrid(anchor);
      return { first: weeks[0][0], last: weeks[weeks.length - 1][6] };
    }
    return { first: anchor, last: addDays(anchor, LIST_DAYS - 1) };
  }, [view, anchor]);

  // "Now" is taken once per period, or the variables (and the query) would change on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new "now" when the period changes, on purpose
  const now = useMemo(() => new Date().toISOString(), [view, anchor]);
  const filter = {
    from: view === 'list' && anchor === todayKey ? now : startOfDayInstant(range.first, viewer.timeZone),
    to: startOfDayInstant(addDays(range.last, 1), viewer.timeZone),
    regionId: regionId || undefined,
    hubId: hubId || undefined,
    kind: kind || undefined,
  };
  const meetings = useMeetingsCalendarQuery({ variables: { filter, first: view === 'list' ? PAGE : 200 }, skip: waiting });
  const items = meetings.data?.meetings.edges.map((e) => e.node) ?? [];
  const byDay = groupByDay(items, viewer.timeZone);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: false });
  };

  const step = (direction: 1 | -1) =>
    set({ day: view === 'month' ? addMonths(anchor, direction) : addDays(anchor, direction * (view === 'week' ? 7 : LIST_DAYS)) });

  const region = regions.find((r) => r.id === regionId);
  const hub = hubs.find((h) => h.id === hubId);
  const hubOptions = hubs.filter((h) => !regionId || h.regionId === regionId);

  const periodTitle =
    view === 'month'
      ? monthTitle(anchor, viewer.locale)
      : view === 'week'
        ? t('calendar.weekOf', { day: longDay(range.first, viewer.locale) })
        : t('calendar.from', { day: longDay(anchor, viewer.locale) });

  return (
    <>
      <PageHeading title={t('calendar.title')}>{t('calendar.title')}</PageHeading>
      <p className="an-lead">{t('calendar.intro', { zone: viewer.timeZone })}</p>
      <div className="an-meetings-actions">
        {canCreate && (
          <Link to="/meetings/new" appearance="button-primary">
            {t('calendar.newSeries')}
          </Link>
        )}
        {member && <Link to="/meetings/mine">{t('nav.mine')}</Link>}
        {member && <Link to="/meetings/feeds">{t('nav.feeds')}</Link>}
      </div>

      {/* Phones keep the filters folded (unless one is set) so the meetings come first. */}
      <details className="an-meetings-filter-box" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
        <summary>{activeFilters ? t('calendar.filtersActive', { count: activeFilters }) : t('calendar.filters')}</summary>
        <form className="an-meetings-filters" aria-label={t('calendar.filters')} onSubmit={(e) => e.preventDefault()}>
          <Select
            id="meetings-region"
            label={t('calendar.region')}
            value={regionId}
            onChange={(value) => set({ region: value, hub: null })}
            options={[{ value: '', label: t('calendar.allRegions') }, ...regions.map((r) => ({ value: r.id, label: r.name }))]}
          />
          <Select
            id="meetings-hub"
            label={t('calendar.hub')}
            value={hubId}
            onChange={(value) => set({ hub: value })}
            options={[{ value: '', label: t('calendar.allHubs') }, ...hubOptions.map((h) => ({ value: h.id, label: h.name }))]}
          />
          <Select
            id="meetings-kind"
            label={t('calendar.kind')}
            value={kind}
            onChange={(value) => set({ kind: value })}
            options={[{ value: '', label: t('calendar.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
          />
        </form>
      </details>

      <nav className="an-meetings-views" aria-label={t('calendar.views')}>
        {(['list', 'week', 'month'] as View[]).map((v) => (
          <Link
            key={v}
            to={`?${new URLSearchParams({ ...Object.fromEntries(params), view: v }).toString()}`}
            className="an-meetings-views__item"
            aria-current={v === view ? 'page' : undefined}
          >
            {t(`calendar.view.${v}`)}
          </Link>
        ))}
      </nav>

      <div className="an-meetings-period">
        <h2 id="meetings-period">{periodTitle}</h2>
        <div className="an-meetings-period__nav">
          <Button variant="secondary" onClick={() => step(-1)}>
            {t(`calendar.previous.${view}`)}
          </Button>
          <Button variant="secondary" onClick={() => set({ day: null })}>
            {t('calendar.today')}
          </Button>
          <Button variant="secondary" onClick={() => step(1)}>
            {t(`calendar.next.${view}`)}
          </Button>
        </div>
      </div>

      {(region || hub) && (
        <p className="an-meetings-subscribe">
          {hub && <a href={`/ical/hubs/${hub.slug}.ics`}>{t('calendar.hubFeed', { name: hub.name })}</a>}
          {region && !hub && <a href={`/ical/regions/${region.slug}.ics`}>{t('calendar.regionFeed', { name: region.name })}</a>}
        </p>
      )}

      {meetings.error && !meetings.data ? (
        <QueryState loading={false} error={meetings.error} retry={() => void meetings.refetch()} />
      ) : !meetings.data ? (
        <Skeleton label={t('state.loading')} lines={6} />
      ) : view === 'month' ? (
        <MonthGrid anchor={anchor} byDay={byDay} todayKey={todayKey} onChoose={(day) => set({ day })} />
      ) : view === 'week' ? (
        <WeekDays first={range.first} byDay={byDay} todayKey={todayKey} />
      ) : items.length === 0 ? (
        <EmptyState canCreate={canCreate} />
      ) : (
        <>
          <AgendaList byDay={byDay} />
          {meetings.data.meetings.pageInfo.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() =>
                void meetings.fetchMore({
                  variables: { after: meetings.data?.meetings.pageInfo.endCursor },
                  updateQuery: (prev, { fetchMoreResult }) => ({
                    meetings: {
                      ...fetchMoreResult.meetings,
                      edges: [...prev.meetings.edges, ...fetchMoreResult.meetings.edges],
                    },
                  }),
                })
              }
            >
              {t('calendar.more')}
            </Button>
          )}
        </>
      )}
      {meetings.data && view !== 'list' && items.length === 0 && <EmptyState canCreate={canCreate} />}
    </>
  );
}

function EmptyState({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <p className="an-meetings-empty">
      {canCreate ? (
        <>
          {t('calendar.emptyCoordinator')} <Link to="/meetings/new">{t('calendar.newSeries')}</Link>
        </>
      ) : (
        t('calendar.empty')
      )}
    </p>
  );
}

function AgendaList({ byDay }: { byDay: Map<string, MeetingsOccurrenceRowFragment[]> }) {
  const viewer = useViewer();
  return (
    <div className="an-agenda">
      {[...byDay.entries()].map(([day, list]) => (
        <section key={day} className="an-agenda__day" aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`}>{longDay(day, viewer.locale)}</h3>
          <ul className="an-meetings-list">
            {list.map((o) => (
              <OccurrenceItem key={o.id} occurrence={o} headingLevel={4} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function WeekDays({ first, byDay, todayKey }: { first: string; byDay: Map<string, MeetingsOccurrenceRowFragment[]>; todayKey: string }) {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  return (
    <ol className="an-week">
      {Array.from({ length: 7 }, (_, i) => addDays(first, i)).map((day) => {
        const list = byDay.get(day) ?? [];
        return (
          <li key={day} className={`an-week__day${day === todayKey ? ' an-week__day--today' : ''}`} aria-labelledby={`week-${day}`}>
            <h3 id={`week-${day}`}>
              {longDay(day, viewer.locale)}
              {day === todayKey && <span className="an-tag an-tag--mine">{t('calendar.todayTag')}</span>}
            </h3>
            {list.length ? (
              <ul className="an-meetings-list">
                {list.map((o) => (
                  <OccurrenceItem key={o.id} occurrence={o} headingLevel={4} />
                ))}
              </ul>
            ) : (
              <p className="an-week__none">{t('calendar.noneThisDay')}</p>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The month as an ARIA grid: one tab stop; arrow keys move by day and week, Home/End to the week's ends,
 * Page Up/Down by month; Enter or a click shows that day's meetings below the grid.
 */
function MonthGrid({
  anchor,
  byDay,
  todayKey,
  onChoose,
}: {
  anchor: string;
  byDay: Map<string, MeetingsOccurrenceRowFragment[]>;
  todayKey: string;
  onChoose: (day: string) => void;
}) {
  const { t } = useTranslation('meetings');
  const viewer = useViewer();
  const weeks = monthGrid(anchor);
  const month = anchor.slice(0, 7);
  const [focused, setFocused] = useState(anchor);
  const cells = useRef(new Map<string, HTMLButtonElement | null>());
  const moved = useRef(false);
  const names = weekdayNames(viewer.locale, 'short');
  const longNames = weekdayNames(viewer.locale, 'long');

  useEffect(() => setFocused(anchor), [anchor]);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    cells.current.get(focused)?.focus();
  }, [focused, weeks]);

  const move = (day: string) => {
    moved.current = true;
    if (day.slice(0, 7) !== month) onChoose(day);
    setFocused(day);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, day: string) => {
    const weekday = weekdayIndex(day);
    const target =
      event.key === 'ArrowRight' ? addDays(day, 1)
      : event.key === 'ArrowLeft' ? addDays(day, -1)
      : event.key === 'ArrowDown' ? addDays(day, 7)
      : event.key === 'ArrowUp' ? addDays(day, -7)
      : event.key === 'Home' ? addDays(day, -weekday)
      : event.key === 'End' ? addDays(day, 6 - weekday)
      : event.key === 'PageDown' ? addMonths(day, 1)
      : event.key === 'PageUp' ? addMonths(day, -1)
      : null;
    if (!target) return;
    event.preventDefault();
    move(target);
  };

  const selected = byDay.get(anchor) ?? [];
  return (
    <>
      <p className="an-field__hint" id="month-keys">
        {t('calendar.gridHint')}
      </p>
      <table role="grid" className="an-month" aria-labelledby="meetings-period" aria-describedby="month-keys">
        <thead>
          <tr>
            {names.map((name, i) => (
              <th key={name} scope="col">
                <abbr title={longNames[i]}>{name}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const list = byDay.get(day) ?? [];
                const outside = day.slice(0, 7) !== month;
                const label = `${longDay(day, viewer.locale)}: ${t('calendar.count', { count: list.length })}`;
                return (
                  <td
                    key={day}
                    role="gridcell"
                    aria-selected={day === anchor}
                    className={['an-month__cell', outside && 'an-month__cell--outside', day === todayKey && 'an-month__cell--today'].filter(Boolean).join(' ')}
                  >
                    <button
                      type="button"
                      ref={(node) => {
                        cells.current.set(day, node);
                      }}
                      className="an-month__day"
                      tabIndex={day === focused ? 0 : -1}
                      aria-current={day === todayKey ? 'date' : undefined}
                      onClick={() => {
                        setFocused(day);
                        onChoose(day);
                      }}
                      onKeyDown={(event) => onKeyDown(event, day)}
                    >
                      {/* The name is the whole day and its count; the number and dot are for the eye. */}
                      <span className="an-vh">{label}</span>
                      <span className="an-month__number" aria-hidden="true">
                        {Number(day.slice(8))}
                      </span>
                      {list.length > 0 && (
                        <span className="an-month__dots" aria-hidden="true">
                          {list.length}
                        </span>
                      )}
                      <span className="an-month__titles" aria-hidden="true">
                        {list.slice(0, 2).map((o) => (
                          <span key={o.id} className={`an-month__title${o.cancelled ? ' an-month__title--cancelled' : ''}`}>
                            {o.title}
                          </span>
                        ))}
                      </span>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="an-month__selected" aria-live="polite" aria-labelledby="selected-day">
        <h3 id="selected-day">{t('calendar.onDay', { day: longDay(anchor, viewer.locale) })}</h3>
        {selected.length ? (
          <ul className="an-meetings-list">
            {selected.map((o) => (
              <OccurrenceItem key={o.id} occurrence={o} headingLevel={4} />
            ))}
          </ul>
        ) : (
          <p>{t('calendar.noneThisDay')}</p>
        )}
      </section>
    </>
  );
}
