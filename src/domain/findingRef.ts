/**
 * A short number for a finding that people can read out and type ("B-3F9A2C"), shown on the finding
 * page, in "Mijn acties" and in the owners' mails. Taken from the END of the id: the start of a
 * UUIDv7 is a timestamp, which findings made in the same minute share; the end is random.
 */
export function findingRef(id: string): string {
  return `B-${id.replace(/-/g, '').slice(-6).toUpperCase()}`;
}
