import { Button } from '@anyam/client/ui';
import { Search } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * The small search form of the forum pages: goes to /forum/search?q=… — on a group's page, within that
 * group unless the reader unticks it. `keep` carries the search page's other filters along.
 */
export function SearchBox({ id, initial = '', group, keep }: { id: string; initial?: string; group?: { id: string; name: string }; keep?: URLSearchParams }) {
  const { t } = useTranslation('forum');
  const navigate = useNavigate();
  const [query, setQuery] = useState(initial);
  const [inGroup, setInGroup] = useState(true);
  return (
    <form
      role="search"
      className="an-forum-search"
      aria-label={t('groups.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const q = query.trim();
        if (!q) return;
        const next = new URLSearchParams(keep);
        next.set('q', q);
        if (group && inGroup) next.set('group', group.id);
        navigate(`/forum/search?${next.toString()}`);
      }}
    >
      <label htmlFor={id} className="an-field__label">
        {t('groups.searchLabel')}
      </label>
      <div className="an-input-row">
        <input id={id} type="search" name="q" className="an-input" value={query} onChange={(e) => setQuery(e.target.value)} />
        <Button type="submit" variant="secondary">
          <Search className="an-icon" aria-hidden="true" focusable="false" />
          {t('groups.searchButton')}
        </Button>
      </div>
      {group && (
        <label className="an-check">
          <input type="checkbox" checked={inGroup} onChange={(e) => setInGroup(e.target.checked)} />
          {t('search.onlyIn', { group: group.name })}
        </label>
      )}
    </form>
  );
}
