import { useTranslation } from 'react-i18next';
import type { FindingOwner } from '../../domain/finding';
import type { Labels } from './labels';

interface Props {
  owner: FindingOwner | '';
  dueDate: string;
  labels: Labels;
  onOwner: (owner: FindingOwner | '') => void;
  onDueDate: (date: string) => void;
}

/** Owner and due date, the same two fields for one finding and for several at once. */
export function OwnerDueFields({ owner, dueDate, labels, onOwner, onDueDate }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        {t('followup.owner')}
        <select value={owner} onChange={(e) => onOwner(e.target.value as FindingOwner | '')}>
          <option value="">{t('followup.chooseOwner')}</option>
          {/* Archived organisations are not offered, unless the finding already has one. */}
          {labels.organisations
            .filter((o) => !o.archived || o.id === owner)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      </label>
      <label className="field">
        {t('followup.due')}
        <input type="date" value={dueDate} onChange={(e) => onDueDate(e.target.value)} />
      </label>
    </>
  );
}
