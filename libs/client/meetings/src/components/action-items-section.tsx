import { useSession } from '@anyam/client/account';
import { useMeetingsAddActionItemMutation, useMeetingsUpdateActionItemMutation, type ActionItemStatus } from '@anyam/client/graphql';
import { Button, Notice, Select, TextField, useAnnounce, useViewer } from '@anyam/client/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingsErrorMessage } from '../problems';
import { useHubMembers } from './hub-members';
import type { Occurrence } from './types';

const STATUSES: ActionItemStatus[] = ['open', 'in_progress', 'done'];

function formatDue(day: string, locale: string) {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** Action items: everyone reads them; organisers add and edit; an item's owner may change its status. */
export function ActionItemsSection({ occurrence: o, hubSlugs }: { occurrence: Occurrence; hubSlugs: string[] }) {
  const { t } = useTranslation('meetings');
  const { member } = useSession();
  const viewer = useViewer();
  const announce = useAnnounce();
  const errorMessage = useMeetingsErrorMessage();
  const members = useHubMembers(hubSlugs[0], o.viewerCanEdit);
  const [add, adding] = useMeetingsAddActionItemMutation();
  const [update] = useMeetingsUpdateActionItemMutation();
  const [items, setItems] = useState(o.actionItems);
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);

  const ownerName = (id: string | null) =>
    !id ? null : id === member?.id ? t('actions.you') : (members.find((m) => m.id === id)?.name ?? t('actions.someone'));

  return (
    <section className="an-meetings-section" aria-labelledby="actions">
      <h2 id="actions">{t('actions.title')}</h2>
      {items.length ? (
        <ul className="an-action-items">
          {items.map((a) => (
            <li key={a.id} className="an-action-item">
              <p className="an-action-item__text">{a.description}</p>
              <p className="an-meeting__zone">
                {[ownerName(a.ownerId), a.dueOn ? t('actions.due', { date: formatDue(a.dueOn, viewer.locale) }) : null].filter(Boolean).join(' · ')}
              </p>
              {a.viewerCanEdit ? (
                <Select
                  id={`action-${a.id}-status`}
                  label={t('actions.statusOf', { item: a.description.slice(0, 40) })}
                  value={a.status}
                  onChange={async (status) => {
                    try {
                      const result = await update({ variables: { input: { id: a.id, status: status as ActionItemStatus } } });
                      const saved = result.data?.updateActionItem;
                      if (saved) setItems((all) => all.map((x) => (x.id === saved.id ? saved : x)));
                      announce(t('actions.statusSaved', { status: t(`actions.status.${status}`) }));
                    } catch (e) {
                      setError(errorMessage(e));
                    }
                  }}
                  options={STATUSES.map((s) => ({ value: s, label: t(`actions.status.${s}`) }))}
                />
              ) : (
                <span className={`an-tag${a.status === 'done' ? ' an-tag--mine' : ''}`}>{t(`actions.status.${a.status}`)}</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('actions.empty')}</p>
      )}
      {error && !o.viewerCanEdit && (
        <Notice tone="error" role="alert">
          {error.message}
        </Notice>
      )}
      {o.viewerCanEdit && (
        <form
          className="an-form"
          noValidate
          aria-labelledby="add-action"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            if (!description.trim()) {
              setError({ field: 'description', message: t('actions.descriptionRequired') });
              return;
            }
            try {
              const result = await add({
                    variables: {
                      input: {
                        seriesId: o.seriesId,
                        occurrenceStart: o.originalStart,
                        description: description.trim(),
                        dueOn: dueOn || null,
                        ownerId: ownerId || null,
                      },
                    },
                  });
              const saved = result.data?.addActionItem;
              if (saved) setItems((all) => [...all, saved]);
              setDescription('');
              setDueOn('');
              setOwnerId('');
              announce(t('actions.added'));
            } catch (err) {
              setError(errorMessage(err));
            }
          }}
        >
          <h3 id="add-action">{t('actions.addTitle')}</h3>
          {error && !error.field && (
            <Notice tone="error" role="alert">
              {error.message}
            </Notice>
          )}
          <TextField
            id="action-description"
            label={t('actions.description')}
            value={description}
            onChange={setDescription}
            maxLength={500}
            error={error?.field === 'description' ? error.message : null}
          />
          <Select
            id="action-owner"
            label={t('actions.owner')}
            value={ownerId}
            onChange={setOwnerId}
            options={[
              { value: '', label: t('actions.noOwner') },
              ...(member ? [{ value: member.id, label: t('actions.me') }] : []),
              ...members.filter((m) => m.id !== member?.id).map((m) => ({ value: m.id, label: m.name })),
            ]}
            error={error?.field === 'ownerId' ? error.message : null}
          />
          <TextField
            id="action-due"
            type="date"
            label={t('actions.dueOn')}
            value={dueOn}
            onChange={setDueOn}
            error={error?.field === 'dueOn' ? error.message : null}
          />
          <div className="an-actions">
            <Button type="submit" busy={adding.loading}>
              {t('actions.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
