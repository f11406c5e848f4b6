import { Button } from '@anyam/client/ui';
import { Search } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The small search form of the forum pages: goes to /forum/search?q=… */
export function SearchBox({ id, initial = '' }: { id: string; initial?: string }) {
  const { t } = useTranslation('forum');
  const navigate = useNavigate();
  const [query, setQuery] = useState(initial);
  return (
    <form
      role="search"
      className="an-forum-search"
      aria-label={t('groups.searchLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const q = query.trim();
        if (q) navigate(`/forum/search?q=${encodeURIComponent(q)}`);
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
    </form>
  );
}
