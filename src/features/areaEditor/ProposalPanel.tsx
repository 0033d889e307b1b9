import { useTranslation } from 'react-i18next';
import type { BagProposal } from './useBagProposal';

/** "Stel een omtrek voor" and the BAG layer switch; a proposal is accepted (then edited and saved) or discarded. */
export function ProposalPanel({ p, canPropose }: { p: BagProposal; canPropose: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="tools proposal-panel">
      <legend>{t('areaEditor.proposal.title')}</legend>
      <div className="tool-buttons">
        <button type="button" className="btn btn-small" aria-pressed={p.shown} disabled={p.busy || !canPropose} onClick={() => void p.toggleLayer()}>
          {t('areaEditor.proposal.layer')}
        </button>
        <button type="button" className="btn btn-small" disabled={p.busy || !canPropose} onClick={() => void p.propose()}>
          {t('areaEditor.proposal.propose')}
        </button>
      </div>
      <p className="hint">{t('areaEditor.proposal.hint')}</p>
      <div role="status" aria-live="polite">
        {p.busy && <p className="banner">{t('areaEditor.proposal.loading')}</p>}
        {p.message && <p className="banner banner-warn proposal-refusal">{p.message}</p>}
        {p.shown && p.premises && <p className="muted">{t('areaEditor.proposal.count', { count: p.premises.length })}</p>}
      </div>
      {p.proposal && (
        <div className="proposal-result" role="group" aria-label={t('areaEditor.proposal.title')}>
          <p className="note">{t('areaEditor.proposal.made', { premises: p.proposal.premisesUsed, clusters: p.proposal.clusters })}</p>
          <button type="button" className="btn btn-primary btn-small" onClick={p.accept}>
            {t('areaEditor.proposal.accept')}
          </button>{' '}
          <button type="button" className="btn btn-small" onClick={p.discard}>
            {t('areaEditor.proposal.discard')}
          </button>
        </div>
      )}
      {p.shown && p.attribution && <p className="muted attribution">{p.attribution}</p>}
    </fieldset>
  );
}
