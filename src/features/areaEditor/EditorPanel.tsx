import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaKinds, kvoStatuses, type Area } from '../../domain/area';
import { shopsMovedByEdit } from '../../domain/areaEdit';
import type { Shop } from '../../domain/shop';
import { areaApi } from './api';
import type { Tool } from './EditorMap';
import { MovedShops } from './MovedShops';
import { ProposalPanel } from './ProposalPanel';
import { Refusals } from './Refusals';
import { saveDraft } from './saveDraft';
import type { AreaDraft } from './useAreaDraft';
import type { BagProposal } from './useBagProposal';
import { VersionHistory } from './VersionHistory';

interface Props {
  municipality: string;
  base: Area | null;
  areas: readonly Area[];
  shops: readonly Shop[];
  d: AreaDraft;
  proposal: BagProposal;
  /** After a save, retire or restore: fetch the areas again; `id` is the area to show. */
  onChanged: (id: string | null) => Promise<void>;
}

const tools: Tool[] = ['edit', 'draw', 'hole', 'split'];
const toolKey = { edit: 'toolEdit', draw: 'toolDraw', hole: 'toolHole', split: 'toolSplit', none: 'toolEdit' } as const;

export function EditorPanel({ municipality, base, areas, shops, d, proposal, onChanged }: Props) {
  const { t } = useTranslation();
  const ids = { name: useId(), kind: useId(), status: useId(), reason: useId(), merge: useId(), split: useId() };
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ code: number; error: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const [mergeId, setMergeId] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const moved = useMemo(() => shopsMovedByEdit(base?.geometry ?? null, d.draft, shops), [base, d.draft, shops]);
  const others = useMemo(() => areas.filter((a) => a.id !== base?.id), [areas, base]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    setDone(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      if (!reason.trim()) {
        setStatus({ code: 400, error: 'reason' });
        return;
      }
      const out = await saveDraft(municipality, base, d, reason.trim());
      if (!out.ok) {
        d.setRefusals(out.result.refusals);
        setStatus({ code: out.result.status, error: out.result.error });
        return;
      }
      d.setRefusals([]);
      d.setSplit(null);
      setReason('');
      setDone(t('areaEditor.saved', { version: out.version }));
      setReloadKey((k) => k + 1);
      await onChanged(out.id);
    });

  const restore = (version: number) =>
    run(async () => {
      const r = await areaApi.restore(municipality, base!.id, version, reason.trim());
      if (!r.ok) {
        d.setRefusals(r.refusals);
        setStatus({ code: r.status, error: r.error });
        return;
      }
      setDone(t('areaEditor.restored', { from: version, version: r.value.version }));
      setReloadKey((k) => k + 1);
      await onChanged(base!.id);
    });

  const retire = () =>
    run(async () => {
      const r = await areaApi.retire(municipality, base!.id, reason.trim());
      if (!r.ok) {
        setStatus({ code: r.status, error: r.error });
        return;
      }
      setConfirmRetire(false);
      await onChanged(null);
    });

  const statusCode = status && status.error !== 'reason' ? status.code : null;
  return (
    <section className="editor-panel" aria-labelledby="editor-title">
      <h2 id="editor-title">{base ? t('areaEditor.editing', { name: base.name }) : t('areaEditor.newTitle')}</h2>
      <MovedShops moved={moved} />

      <div className="field">
        <label htmlFor={ids.name}>{t('areaEditor.name')}</label>
        <input id={ids.name} value={d.fields.name} onChange={(e) => d.setFields({ ...d.fields, name: e.target.value })} required />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.kind}>{t('areaEditor.kind')}</label>
          <select id={ids.kind} value={d.fields.kind} onChange={(e) => d.setFields({ ...d.fields, kind: e.target.value as Area['kind'] })}>
            {areaKinds.map((k) => (
              <option key={k} value={k}>{t(`areas.kinds.${k}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>{t('areaEditor.kvoStatus')}</label>
          <select id={ids.status} value={d.fields.kvoStatus} onChange={(e) => d.setFields({ ...d.fields, kvoStatus: e.target.value as Area['kvoStatus'] })}>
            {kvoStatuses.map((k) => (
              <option key={k} value={k}>{t(`areas.statuses.${k}`)}</option>
            ))}
          </select>
        </div>
      </div>

      <fieldset className="tools">
        <legend>{t('areaEditor.tools')}</legend>
        <div className="tool-buttons">
          {tools.map((tool) => (
            <button key={tool} type="button" className="btn btn-small" aria-pressed={d.tool === tool} disabled={!base && tool !== 'draw' && !d.draft} onClick={() => d.setTool(tool)}>
              {t(`areaEditor.${toolKey[tool]}`)}
            </button>
          ))}
        </div>
        <p className="hint">{t(`areaEditor.${toolKey[d.tool]}Hint`)}</p>
        {base && others.length > 0 && (
          <div className="field field-inline">
            <label htmlFor={ids.merge}>{t('areaEditor.merge')}</label>
            <select id={ids.merge} value={mergeId} onChange={(e) => setMergeId(e.target.value)}>
              <option value="">{t('areaEditor.mergeChoose')}</option>
              {others.map((a) => (
                <option key={a.id} value={a.id}>{a.name}</option>
              ))}
            </select>
            <button type="button" className="btn btn-small" disabled={!mergeId} onClick={() => d.merge(others.find((a) => a.id === mergeId)!)}>
              {t('areaEditor.mergeButton')}
            </button>
          </div>
        )}
        {d.mergedWith && <p className="note">{t('areaEditor.mergeDone', { name: d.mergedWith.name })}</p>}
        {d.split && (
          <div className="field">
            <p className="note">{t('areaEditor.splitDone', { name: d.split.name })}</p>
            <label htmlFor={ids.split}>{t('areaEditor.splitName')}</label>
            <input id={ids.split} value={d.split.name} onChange={(e) => d.setSplit({ ...d.split!, name: e.target.value })} />
          </div>
        )}
      </fieldset>
      <ProposalPanel p={proposal} canPropose={d.draft !== null} />
      {d.fromProposal && <p className="note proposal-note">{t('areaEditor.proposal.fromProposal', { premises: d.fromProposal.premisesUsed })}</p>}

      <div className="field">
        <label htmlFor={ids.reason}>{t('areaEditor.reason')}</label>
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={status?.error === 'reason' || undefined} />
        {status?.error === 'reason' && <p className="field-error">{t('areaEditor.reasonNeeded')}</p>}
      </div>
      <Refusals items={d.refusals} status={statusCode} error={status?.error ?? null} />
      {done && <p className="banner banner-ok" role="status">{done}</p>}
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={busy || !d.draft || !d.fields.name.trim()} onClick={() => void save()}>
          {busy ? t('areaEditor.saving') : t('areaEditor.save')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={d.reset}>
          {t('areaEditor.reset')}
        </button>
      </div>

      {base && (
        <>
          <VersionHistory municipality={municipality} areaId={base.id} reloadKey={reloadKey} onRestore={(v) => void restore(v)} busy={busy} />
          <div className="danger-zone">
            {confirmRetire ? (
              <div role="group" aria-label={t('areaEditor.retire')}>
                <p>{t('areaEditor.retireConfirm', { name: base.name })}</p>
                <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void retire()}>{t('areaEditor.retireYes')}</button>{' '}
                <button type="button" className="btn" onClick={() => setConfirmRetire(false)}>{t('areaEditor.cancel')}</button>
              </div>
            ) : (
              <button type="button" className="btn btn-danger-outline" onClick={() => setConfirmRetire(true)}>{t('areaEditor.retire')}</button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
