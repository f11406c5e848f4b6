import { useMyAccessibilityQuery } from '@anyam/client/graphql';
import { useEffect } from 'react';

/**
 * Applies the signed-in member's own accessibility preferences (saved on /profile/community) to the
 * whole page: `data-reduced-motion` and `data-larger-text` on <html>, which the design tokens honour.
 * The browser's own prefers-reduced-motion setting keeps working whatever is saved here.
 */
export function useAccessibilityPreferences(memberId: string | undefined) {
  const { data } = useMyAccessibilityQuery({ variables: { id: memberId ?? '' }, skip: !memberId });
  const member = memberId ? data?.member : undefined;
  const reducedMotion = Boolean(member?.reducedMotion);
  const largerText = Boolean(member?.largerText);
  useEffect(() => {
    const root = document.documentElement;
    root.toggleAttribute('data-reduced-motion', reducedMotion);
    root.toggleAttribute('data-larger-text', largerText);
  }, [reducedMotion, largerText]);
}
