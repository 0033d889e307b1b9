import { areaIdSchema } from './area';
import { defaultCategories, findCategory } from './categories';
import { severitySchema, sha256HexSchema, type Finding } from './finding';
import { oneLine, optionalNote, refuse, type Draft, type FindingCommand, type FindingOptions, type Refusal } from './findingCommand';
import { pointSchema } from './geojson';

// The edits of a finding's own fields (move, category, description, severity, photo, remove); the
// status commands are in findingStatus.ts. Each adds its change and draft event, or nothing when the
// value is the same.

export type EditCommand = Extract<FindingCommand, { kind: 'move' | 'change_category' | 'change_description' | 'change_severity' | 'add_photo' | 'remove' }>;

function samePoint(a: { coordinates: readonly number[] }, b: { coordinates: readonly number[] }): boolean {
  return a.coordinates.length === b.coordinates.length && a.coordinates.every((v, i) => v === b.coordinates[i]);
}

/** Applies one edit to `changes` and `drafts`; a refusal when its value is wrong. */
export function applyEdit(
  finding: Finding,
  command: EditCommand,
  changes: Partial<Finding>,
  drafts: Draft[],
  options: FindingOptions,
): Refusal | null {
  switch (command.kind) {
    case 'move': {
      const point = pointSchema.safeParse(command.point);
      if (!point.success) return refuse('invalid_point', 'point');
      const areaId = areaIdSchema.nullable().safeParse(command.areaId);
      if (!areaId.success) return refuse('invalid_input', 'areaId');
      if (samePoint(point.data, finding.point) && areaId.data === finding.areaId) break;
      changes.point = point.data;
      changes.areaId = areaId.data;
      drafts.push({
        kind: 'moved',
        before: { point: finding.point, areaId: finding.areaId },
        after: { point: point.data, areaId: areaId.data },
      });
      break;
    }
    case 'change_category': {
      if (!findCategory(command.categoryCode, options.categories ?? defaultCategories)) {
        return refuse('unknown_category', 'categoryCode');
      }
      if (command.categoryCode === finding.categoryCode) break;
      changes.categoryCode = command.categoryCode;
      drafts.push({ kind: 'category_changed', before: finding.categoryCode, after: command.categoryCode });
      break;
    }
    case 'change_description': {
      const text = oneLine(command.description, 'description');
      if (!text.ok) return text;
      if (text.value === finding.description) break;
      changes.description = text.value;
      drafts.push({ kind: 'description_changed', before: finding.description, after: text.value });
      break;
    }
    case 'change_severity': {
      const severity = severitySchema.safeParse(command.severity);
      if (!severity.success) return refuse('invalid_input', 'severity');
      if (severity.data === finding.severity) break;
      changes.severity = severity.data;
      drafts.push({ kind: 'severity_changed', before: finding.severity, after: severity.data });
      break;
    }
    case 'add_photo': {
      if (!sha256HexSchema.safeParse(command.photoHash).success) return refuse('invalid_photo', 'photoHash');
      addPhoto(finding, command.photoHash, changes, drafts);
      break;
    }
    case 'remove': {
      const note = optionalNote(command.note);
      if (!note.ok) return note;
      changes.removed = true;
      drafts.push({ kind: 'removed', before: false, after: true, note: note.value });
      break;
    }
    default: {
      const unknown: never = command;
      void unknown;
      return refuse('invalid_input', 'kind');
    }
  }
  return null;
}

export function addPhoto(finding: Finding, hash: string, changes: Partial<Finding>, drafts: Draft[]) {
  if (finding.photoHashes.includes(hash)) return;
  changes.photoHashes = [...finding.photoHashes, hash];
  drafts.push({ kind: 'photo_added', before: null, after: hash });
}
