/**
 * The certificate (A4) and the window sticker (A6) of a certified area and year (issue 16): area name,
 * year, validity and a QR code to the area's public page, Dutch by default, printed through the
 * browser's print-to-PDF with their own page size (public.css).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { grade as formatGrade, longDate } from './format';
import { publicPagePath } from './qr';
import { QrCode } from './QrCode';

interface Certificate {
  municipality: { id: string; name: string };
  area: { id: string; name: string };
  year: number;
  grade: number;
  validFrom: string;
  validUntil: string;
}
type Load = { state: 'loading' } | { state: 'missing'; why: 'notPublic' | 'notCertified' | 'failed' } | { state: 'ok'; cert: Certificate };

interface Props {
  kind: 'certificate' | 'sticker';
  municipality: string;
  areaId: string;
  year: string;
}

export default function CertificatePage({ kind, municipality, areaId, year }: Props) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    fetch(`/api/public/certificates/${encodeURIComponent(municipality)}/${encodeURIComponent(areaId)}/${encodeURIComponent(year)}`, { credentials: 'same-origin' })
      .then(async (res): Promise<Load> => {
        if (res.ok) return { state: 'ok', cert: (await res.json()) as Certificate };
        const error = ((await res.json().catch(() => ({}))) as { error?: string }).error;
        return { state: 'missing', why: error === 'not_public' ? 'notPublic' : res.status === 404 ? 'notCertified' : 'failed' };
      })
      .catch((): Load => ({ state: 'missing', why: 'failed' }))
      .then((next) => live && setLoad(next));
    return () => {
      live = false;
    };
  }, [municipality, areaId, year]);

  if (load.state === 'loading') return <p className="public-note">…</p>;
  if (load.state === 'missing') {
    const key = load.why === 'notPublic' ? 'public.page.notPublic' : load.why === 'notCertified' ? 'public.cert.notCertified' : 'public.page.failed';
    return <main className="public-page"><p role="alert" className="public-alert">{t(key)}</p></main>;
  }
  return (
    <>
      {/* The sheet's own paper, without margins: A4 for the certificate, A6 (105 × 148 mm, not a CSS
          page-size keyword) for the sticker. */}
      <style>{`@page { size: ${kind === 'certificate' ? '210mm 297mm' : '105mm 148mm'}; margin: 0; }`}</style>
      {kind === 'certificate' ? <CertificateSheet cert={load.cert} /> : <StickerSheet cert={load.cert} />}
    </>
  );
}

function usePageUrl(cert: Certificate): string {
  return `${window.location.origin}${publicPagePath(cert.municipality.id, cert.area.id)}`;
}

function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="public-button no-print" onClick={() => window.print()}>
      {t('public.cert.print')}
    </button>
  );
}

function CertificateSheet({ cert }: { cert: Certificate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const url = usePageUrl(cert);
  return (
    <>
      <PrintButton />
      <article className="sheet certificate" aria-label={t('public.cert.title')}>
        <p className="sheet-label">{t('public.cert.label')}</p>
        <h1 className="sheet-title">{t('public.cert.title')}</h1>
        <p className="sheet-line">{t('public.cert.body')}</p>
        <p className="sheet-area">{cert.area.name}</p>
        <p className="sheet-municipality">{cert.municipality.name}</p>
        <p className="sheet-line">{t('public.cert.awarded', { year: cert.year })}</p>
        <p className="sheet-line">{t('public.cert.grade', { grade: formatGrade(cert.grade, lang) })}</p>
        <p className="sheet-valid">{t('public.cert.valid', { from: longDate(cert.validFrom, lang), until: longDate(cert.validUntil, lang) })}</p>
        <p className="sheet-partners">{t('public.cert.partners', { municipality: cert.municipality.name })}</p>
        <figure className="sheet-qr">
          <QrCode text={url} label={t('public.page.qr')} size="35mm" />
          <figcaption>{t('public.cert.qr')}</figcaption>
        </figure>
      </article>
    </>
  );
}

function StickerSheet({ cert }: { cert: Certificate }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const url = usePageUrl(cert);
  return (
    <>
      <PrintButton />
      <article className="sheet sticker" aria-label={t('public.cert.sticker')}>
        <p className="sticker-label">{t('public.cert.label')}</p>
        <p className="sticker-title">{t('public.cert.sticker')}</p>
        <p className="sticker-area">{cert.area.name}</p>
        <p className="sticker-year">{cert.year}</p>
        <p className="sticker-line">{t('public.cert.stickerLine')}</p>
        <p className="sticker-valid">{t('public.cert.valid', { from: longDate(cert.validFrom, lang), until: longDate(cert.validUntil, lang) })}</p>
        <figure className="sticker-qr">
          <QrCode text={url} label={t('public.page.qr')} size="26mm" />
          <figcaption>{t('public.cert.qr')}</figcaption>
        </figure>
      </article>
    </>
  );
}
