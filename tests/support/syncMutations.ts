/** Mutations as a device makes them: through the domain functions, like the repositories do. */
import { v7 as uuidv7 } from 'uuid';
import type { Finding } from '../../src/domain/finding';
import { applyFindingCommand, createFinding, type Actor, type FindingCommand } from '../../src/domain/findingStatus';
import { changedFields } from '../../src/storage/outbox';
import type { Mutation } from '../../src/sync/protocol';

export class TestDevice {
  readonly clientId = crypto.randomUUID();
  private seq = 0;
  /** `municipality` and `point`: where this device's findings are made (R30 tests use two). */
  constructor(
    readonly actor: Actor,
    readonly municipality = 'testdorp',
    readonly point: [number, number] = [6.16, 52.25],
  ) {}

  create(overrides: Partial<{ id: string; description: string; photoHashes: string[] }> = {}, now = new Date('2026-03-02T10:00:00Z')): { mutation: Mutation; finding: Finding } {
    const made = createFinding(
      {
        id: overrides.id ?? uuidv7(),
        municipality: this.municipality,
        areaId: null,
        point: { type: 'Point', coordinates: this.point },
        categoryCode: 'lighting',
        description: overrides.description ?? 'Lamp kapot',
        severity: 'medium',
        ...(overrides.photoHashes ? { photoHashes: overrides.photoHashes } : {}),
      },
      this.actor,
      now,
    );
    if (!made.ok) throw new Error(`create refused: ${made.reason}`);
    return { mutation: this.mutation('findings', made.finding.id, changedFields(null, made.finding), made.events, null), finding: made.finding };
  }

  change(finding: Finding, command: FindingCommand, baseRevision: number | null, now = new Date('2026-03-03T10:00:00Z')): { mutation: Mutation; finding: Finding } {
    const r = applyFindingCommand(finding, command, this.actor, now);
    if (!r.ok) throw new Error(`command refused on the device: ${r.reason}`);
    return { mutation: this.mutation('findings', finding.id, changedFields(finding, r.finding), r.events, baseRevision), finding: r.finding };
  }

  mutation(table: Mutation['table'], recordId: string, changes: Record<string, unknown>, events: unknown[], baseRevision: number | null): Mutation {
    return { mutationId: uuidv7(), clientId: this.clientId, seq: ++this.seq, table, recordId, baseRevision, changes, events } as Mutation;
  }
}
