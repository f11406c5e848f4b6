import { CertificateView } from './certificate-page';

export default function VerifyPage() {
  return <CertificateView mode="verify" />;
}
