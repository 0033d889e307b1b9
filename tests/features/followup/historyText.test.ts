import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../../src/domain/finding';
import { historyLines, type HistoryLabels } from '../../../src/features/followup/historyText';

const labels: HistoryLabels = {
  kind: (k) => `kind:${k}`,
  status: (s) => `status:${s}`,
  owner: (o) => (o ? `owner:${o}` : 'niemand'),
  area: (id) => (id ? `area:${id}` : 'buiten'),
  category: (c) => `cat:${c}`,
  severity: (s) => `sev:${s}`,
  date: (d) => (d ? `date:${d}` : 'geen'),
  findingRef: (id) => `ref:${id}`,
  yes: 'ja',
  no: 'nee',
};

function ev(kind: FindingEvent['kind'], at: string, before: FindingEvent['before'], after: FindingEvent['after'], note: string | null = null): FindingEvent {
  return { id: `${kind}-${at}`, findingId: 'f', at, by: 'device:x', kind, before, after, note };
}

describe('history in words', () => {
  it('reads oldest first, with before → after in labels and the note kept', () => {
    const lines = historyLines(
      [
        ev('status_changed', '2026-03-03T10:00:00.000Z', 'assigned', 'fixed', 'Lamp vervangen'),
        ev('created', '2026-03-01T10:00:00.000Z', null, null),
        ev('owner_changed', '2026-03-02T10:00:00.000Z', null, 'police'),
        ev('due_date_changed', '2026-03-02T10:00:00.000Z', null, '2026-04-01'),
        ev('moved', '2026-03-02T11:00:00.000Z', { point: {}, areaId: 'a' }, { point: {}, areaId: null }),
        ev('reopened', '2026-03-04T10:00:00.000Z', 'verified', 'open'),
        ev('comment', '2026-03-05T10:00:00.000Z', null, null, 'Nog eens kijken'),
      ],
      labels,
    );
    expect(lines.map((l) => [l.what, l.before, l.after, l.note])).toEqual([
      ['kind:created', null, null, null],
      ['kind:owner_changed', 'niemand', 'owner:police', null],
      ['kind:due_date_changed', 'geen', 'date:2026-04-01', null],
      ['kind:moved', 'area:a', 'buiten', null],
      ['kind:status_changed', 'status:assigned', 'status:fixed', 'Lamp vervangen'],
      ['kind:reopened', 'status:verified', 'status:open', null],
      ['kind:comment', null, null, 'Nog eens kijken'],
    ]);
    expect(lines[0]!.by).toBe('device:x');
  });
});
