import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type Politeness = 'polite' | 'assertive';
type Announce = (message: string, politeness?: Politeness) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * Two live regions, present from the first render (screen readers ignore regions that appear with their
 * text already inside). `useAnnounce()` puts a message into one of them.
 */
export function LiveRegionProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<Record<Politeness, string>>({ polite: '', assertive: '' });
  const timers = useRef<Partial<Record<Politeness, number>>>({});

  const announce = useCallback<Announce>((message, politeness = 'polite') => {
    // Clear first so the same message twice in a row is read twice.
    setMessages((current) => ({ ...current, [politeness]: '' }));
    window.clearTimeout(timers.current[politeness]);
    timers.current[politeness] = window.setTimeout(() => {
      setMessages((current) => ({ ...current, [politeness]: message }));
    }, 100);
  }, []);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="an-vh" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {messages.polite}
      </div>
      <div className="an-vh" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {messages.assertive}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
