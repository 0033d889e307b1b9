import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionPolicy } from '../../domain/retention';
import { errorText } from './errorText';
import { privacyApi, type RetentionView } from './retentionApi';
import type { Refusal } from './usersApi';
import './privacyI18n';

/** The coordinator's retention form and the job's latest runs, for one municipality. */
export function RetentionPanel({ municipality }: { municipality: string }) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<RetentionView | null>(null);
  const [draft, setDraft] = useState<RetentionPolicy | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const findingsId = useId();
  const certId = useId();
  const report = useCallback((r: Refusal) => setMessage({ text: errorText(t, r), error: true }), [t]);

  useEffect(() => {
    void privacyApi.retention(municipality).then((r) => {
      if (!r.ok) return report(r);
      setView(r.value);
      setDraft(r.value.policy);
    });
  }, [municipality, report]);

  async function save() {
    if (!draft) return;
    const r = await privacyApi.setRetention(municipality, draft);
    if (!r.ok) return report(r);
    setDraft(r.value.policy);
    setMessage({ text: t('privacy.saved'), error: false });
  }

  const years = (v: string) => Math.min(30, Math.max(1, Math.round(Number(v)) || 1));
  const when = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section aria-labelledby="retention-title">
      <h3 id="retention-title">{t('privacy.retentionTitle')}</h3>
      <p className="muted">{t('privacy.retentionIntro')}</p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'auth-error' : 'banner'}>
          {message.text}
        </p>
      )}
      {draft && view && (
        <>
          <div className="field" style={{ maxWidth: '32rem' }}>
            <label htmlFor={findingsId}>{t('privacy.closedFindingYears')}</label>
            <input id={findingsId} type="number" min={1} max={30} value={draft.closedFindingYears} onChange={(e) => setDraft({ ...draft, closedFindingYears: years(e.target.value) })} />
          </div>
          <div className="field" style={{ maxWidth: '32rem' }}>
            <label htmlFor={certId}>{t('privacy.certificationYears')}</label>
            <input id={certId} type="number" min={1} max={30} value={draft.certificationYears} onChange={(e) => setDraft({ ...draft, certificationYears: years(e.target.value) })} />
          </div>
          <p className="muted">{t('privacy.defaults', { findings: view.defaults.closedFindingYears, certifications: view.defaults.certificationYears })}</p>
          <button type="button" className="btn btn-primary" onClick={() => void save()}>
            {t('privacy.save')}
          </button>
          <h4>{t('privacy.runsTitle')}</h4>
          {view.runs.length === 0 ? (
            <p className="muted">{t('privacy.noRuns')}</p>
          ) : (
            <div className="table-wrap">
              <table className="users-table">
                <thead>
                  <tr>
                    {(['colWhen', 'colFindings', 'colEvents', 'colPhotos', 'colInspections', 'colCertifications', 'colWorries'] as const).map((c) => (
                      <th key={c} scope="col">
                        {t(`privacy.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {view.runs.map((r) => (
                    <tr key={r.ranAt}>
                      <td>{when(r.ranAt)}</td>
                      <td>{r.findings}</td>
                      <td>{r.events}</td>
                      <td>{r.photos}</td>
                      <td>{r.inspections}</td>
                      <td>{r.certifications}</td>
                      <td>{r.worries ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
