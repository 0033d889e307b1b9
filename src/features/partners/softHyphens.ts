/**
 * Break points for the long Dutch compound words in the partners' table headers: a soft hyphen
 * (U+00AD) before the head of a compound, so "Verkeersveiligheid" may wrap as "Verkeers-" /
 * "veiligheid" where a tablet's column is narrow, and shows whole where there is room. Most desktop
 * Chromium builds have no Dutch hyphenation dictionary, so `hyphens: auto` alone would not break
 * them, and breaking anywhere ("Mili" / "eu") is unreadable.
 */
const HEADS = ['veiligheid', 'werkings', 'verband', 'verbod', 'donatie', 'brief'];
/** Letters a part must keep on either side of a break. */
const MIN_PART = 4;

export function softHyphens(text: string): string {
  return text.replace(/\p{L}{10,}/gu, (word) => {
    let out = word;
    for (const head of HEADS) {
      const at = out.toLowerCase().indexOf(head, MIN_PART);
      if (at < 0 || out.length - at < MIN_PART || out[at - 1] === '\u00AD') continue;
      out = `${out.slice(0, at)}\u00AD${out.slice(at)}`;
    }
    return out;
  });
}
