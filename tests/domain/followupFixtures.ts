import type { Finding } from '../../src/domain/finding';

let n = 0;
/** A valid finding record with sensible defaults; ids are distinct UUIDs. */
export function finding(over: Partial<Finding> = {}): Finding {
  n++;
  return {
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    municipality: 'deventer',
    areaId: 'binnenstad',
    point: { type: 'Point', coordinates: [6.16, 52.25] },
    categoryCode: 'lighting',
    description: 'Lamp kapot',
    severity: 'medium',
    photoHashes: [],
    owner: null,
    dueDate: null,
    status: 'open',
    fixNote: null,
    wontFixReason: null,
    duplicateOf: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    createdBy: 'device:a',
    updatedAt: '2026-03-01T10:00:00.000Z',
    removed: false,
    ...over,
  };
}
