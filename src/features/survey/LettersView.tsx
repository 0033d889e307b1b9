import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyLetter } from './surveyApi';

/**
 * The printable letters (A4, one a page): the shop, a short explanation, the QR code and the link. The
 * links exist only here (the server keeps their hashes), so the coordinator prints them now.
 */
export function LettersView({ letters, municipalityName, threshold, reminder, onBack }: { letters: SurveyLetter[]; municipalityName: string; threshold: number; reminder: boolean; onBack: () => void }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    void import('qrcode').then(async (QRCode) => {
      const out: Record<string, string> = {};
      for (const l of letters) out[l.linkId] = await QRCode.toDataURL(l.url, { errorCorrectionLevel: 'M', margin: 1, scale: 6 });
      if (live) setQr(out);
    });
    return () => {
      live = false;
    };
  }, [letters]);

  return (
    <section className="survey-letters" aria-labelledby="survey-letters-title">
      <div className="survey-letters-bar">
        <h3 id="survey-letters-title">{t('survey.lettersTitle', { count: letters.length })}</h3>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('survey.print')}
        </button>
        <button type="button" onClick={onBack}>
          {t('survey.backFromLetters')}
        </button>
        <p className="banner banner-warn">{t('survey.lettersHint')}</p>
      </div>
      {letters.map((l) => (
        <article className="survey-letter" key={l.linkId} data-link-id={l.linkId}>
          <div className="survey-letter-head">
            <div>
              <strong>KVO-W {municipalityName}</strong>
              <p>
                {l.name}
                <br />
                {l.address}
              </p>
            </div>
            {qr[l.linkId] ? <img src={qr[l.linkId]} alt={`QR: ${l.url}`} /> : <span aria-busy="true">…</span>}
          </div>
          <h4>{t('survey.title')}</h4>
          {reminder && <p>{t('survey.letterReminder')}</p>}
          <p>{t('survey.letterGreeting', { name: l.name })}</p>
          <p>{t('survey.letterBody', { municipality: municipalityName })}</p>
          <p className="survey-letter-url">{l.url}</p>
          <p>{t('survey.letterPrivacy', { threshold })}</p>
          <p>{t('survey.letterThanks')}</p>
        </article>
      ))}
    </section>
  );
}
