import '../learning.css';
import { useLearningCertificateQuery } from '@anyam/client/graphql';
import { Button, DateTime, Link, PageHeading } from '@anyam/client/ui';
import { Award, FileDown, Printer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../components/common';

/**
 * Two pages over the public `certificate(code)` query: the member's printable certificate (`/learn/certificates/:code`)
 * and the public verification page (`/verify/:code`), which says only whether the code is real and what it certifies.
 */
export function CertificateView({ mode }: { mode: 'certificate' | 'verify' }) {
  const { t } = useTranslation('learning');
  const { code = '' } = useParams();
  const query = useLearningCertificateQuery({ variables: { code } });
  const c = query.data?.certificate;
  if (!c) {
    if (mode === 'verify' && query.error) {
      return (
        <>
          <PageHeading>{t('verify.title')}</PageHeading>
          <p role="status">{t('verify.unknown', { code })}</p>
        </>
      );
    }
    return <QueryState loading={query.loading} error={query.error} retry={() => void query.refetch()} />;
  }
  const verifyUrl = `${window.location.origin}${c.verifyPath}`;
  return (
    <>
      <PageHeading title={mode === 'verify' ? t('verify.title') : t('certificate.title')}>
        {mode === 'verify' ? t('verify.title') : t('certificate.title')}
      </PageHeading>
      {mode === 'verify' && <p role="status" className="an-status">{t('verify.valid')}</p>}
      <div className="an-learn-certificate">
        <Award className="an-learn-certificate__seal" aria-hidden="true" focusable="false" />
        <p>{t('certificate.certifies')}</p>
        <h2>{c.memberName}</h2>
        <p>{t('certificate.completed')}</p>
        <p>
          <strong>{c.moduleTitle}</strong>
        </p>
        <p>{t('certificate.offeredBy', { hub: c.hubName })}</p>
        <p>
          {t('certificate.issued')} <DateTime value={c.issuedAt} />
        </p>
        <p>
          {t('certificate.code')} <span className="an-learn-code">{c.code}</span>
        </p>
        {mode === 'certificate' && <p>{t('certificate.verifyAt', { url: verifyUrl })}</p>}
      </div>
      {mode === 'certificate' && (
        <div className="an-actions an-after-form an-learn-noprint">
          <Button variant="secondary" onClick={() => window.print()}>
            <Printer className="an-icon" aria-hidden="true" focusable="false" />
            {t('certificate.print')}
          </Button>
          <a className="an-button an-button--secondary" href={c.pdfUrl} download>
            <FileDown className="an-icon" aria-hidden="true" focusable="false" />
            {t('certificate.pdf')}
          </a>
          <Link to={c.verifyPath}>{t('certificate.verifyLink')}</Link>
        </div>
      )}
    </>
  );
}

export default function CertificatePage() {
  return <CertificateView mode="certificate" />;
}
