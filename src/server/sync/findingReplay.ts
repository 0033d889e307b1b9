/**
 * R15: a pushed change of a finding is replayed from its history events as domain commands through
 * `applyFindingCommand`, with the request's actor, on the server's current finding. So the server
 * refuses exactly what the device would refuse, with the same reason code, on the merged state.
 */
import type { Finding, FindingEvent } from '../../domain/finding';
import { applyFindingCommand, type Actor, type FindingCommand } from '../../domain/findingStatus';

export type Replay = { ok: true; finding: Finding } | { ok: false; reason: string; field?: string };

type Loose = Record<string, unknown> | null;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const note = (e: FindingEvent): string | undefined => e.note ?? undefined;

/**
 * The commands that made these events. An event that is part of another command's effect yields
 * nothing (the status_changed of a mark_duplicate, a fix's photo). `undefined` = an event no command
 * makes here (`created` on an existing finding).
 */
export function commandsFromEvents(events: readonly FindingEvent[], photosOf: () => string[]): (FindingCommand | ((f: Finding) => FindingCommand))[] | undefined {
  const out: (FindingCommand | ((f: Finding) => FindingCommand))[] = [];
  const consumed = new Set<number>();
  for (let i = 0; i < events.length; i++) {
    if (consumed.has(i)) continue;
    const e = events[i]!;
    const after = e.after as unknown;
    switch (e.kind) {
      case 'created':
        return undefined;
      case 'moved': {
        const a = obj(after);
        out.push({ kind: 'move', point: a?.point as never, areaId: (a?.areaId ?? null) as string | null });
        break;
      }
      case 'category_changed':
        out.push({ kind: 'change_category', categoryCode: str(after) });
        break;
      case 'description_changed':
        out.push({ kind: 'change_description', description: str(after) });
        break;
      case 'severity_changed':
        out.push({ kind: 'change_severity', severity: after as never });
        break;
      case 'owner_changed':
        out.push({ kind: 'set_owner', owner: (after ?? null) as never });
        break;
      case 'due_date_changed':
        out.push({ kind: 'set_due_date', dueDate: after === null ? null : str(after) });
        break;
      case 'photo_added':
        out.push({ kind: 'add_photo', photoHash: str(after) });
        break;
      case 'comment':
        out.push({ kind: 'comment', text: e.note ?? '' });
        break;
      case 'removed':
        out.push({ kind: 'remove', note: note(e) });
        break;
      case 'reopened':
        out.push({ kind: 'reopen', note: note(e) });
        break;
      case 'marked_duplicate':
        out.push({ kind: 'mark_duplicate', targetId: str(after) });
        break;
      case 'status_changed': {
        switch (after) {
          case 'assigned':
            // Owner and due date came in the events before (or were already set): assign with them.
            out.push((f) => ({ kind: 'assign', owner: f.owner as never, dueDate: f.dueDate ?? '' }));
            break;
          case 'in_progress':
            out.push({ kind: 'start', note: note(e) });
            break;
          case 'verified':
            out.push({ kind: 'verify', note: note(e) });
            break;
          case 'wont_fix':
            out.push({ kind: 'wont_fix', reason: e.note ?? '' });
            break;
          case 'duplicate':
            break; // the marked_duplicate event that follows carries the command
          case 'fixed': {
            // A fix without a note was made with a photo: the photo_added that follows, or one it had.
            let photoHash: string | undefined;
            if (!e.note) {
              const j = events.findIndex((x, k) => k > i && x.kind === 'photo_added');
              if (j >= 0) {
                photoHash = str(events[j]!.after);
                consumed.add(j);
              } else {
                photoHash = photosOf().at(-1);
              }
            }
            out.push({ kind: 'fix', note: note(e), ...(photoHash ? { photoHash } : {}) });
            break;
          }
          default:
            out.push({ kind: 'start', note: 'unknown status' }); // refused by the domain below
        }
        break;
      }
    }
  }
  return out;
}

/** Replays the events on `current`; `no_change` is skipped (the finding is already so). */
export function replayFindingEvents(current: Finding, events: readonly FindingEvent[], actor: Actor, now: Date): Replay {
  let finding = current;
  const commands = commandsFromEvents(events, () => finding.photoHashes);
  if (!commands) return { ok: false, reason: 'id_exists' };
  for (const c of commands) {
    const command = typeof c === 'function' ? c(finding) : c;
    const r = applyFindingCommand(finding, command, actor, now);
    if (!r.ok) {
      if (r.reason === 'no_change') continue;
      return { ok: false, reason: r.reason, ...(r.field ? { field: r.field } : {}) };
    }
    finding = r.finding;
  }
  return { ok: true, finding };
}
