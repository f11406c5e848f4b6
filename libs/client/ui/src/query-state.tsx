import type { ReactNode } from 'react';
import { Button } from './button';
import { Notice } from './notice';
import { PageHeading } from './page-heading';
import { Skeleton } from './skeleton';

export interface QueryStateMessages {
  loading: string;
  notFoundTitle: string;
  notFound: string;
  errorTitle: string;
  error: string;
  retry: string;
}

export interface QueryStateProps {
  loading: boolean;
  error?: unknown;
  /** The error means "not there, or not yours to see" (NOT_FOUND / FORBIDDEN): say so, without a retry. */
  notFound?: boolean;
  retry?: () => void;
  messages: QueryStateMessages;
  /** Where to go from a page that does not exist (a link). */
  away: ReactNode;
}

/** While a page's data loads, or when it could not: a skeleton, "not found", or "could not load" with a retry. */
export function QueryState({ loading, error, notFound, retry, messages, away }: QueryStateProps) {
  if (error) {
    if (notFound) {
      return (
        <>
          <PageHeading>{messages.notFoundTitle}</PageHeading>
          <p>{messages.notFound}</p>
          <p>{away}</p>
        </>
      );
    }
    return (
      <>
        <PageHeading>{messages.errorTitle}</PageHeading>
        <Notice tone="error" role="alert">
          <p>{messages.error}</p>
        </Notice>
        {retry && (
          <p className="an-after-form">
            <Button variant="secondary" onClick={retry}>
              {messages.retry}
            </Button>
          </p>
        )}
      </>
    );
  }
  return loading ? <Skeleton label={messages.loading} lines={6} /> : null;
}
