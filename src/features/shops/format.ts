const one = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const oneEn = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A grade or points with one decimal: "8,6" (nl) / "8.6" (en). */
export function fmt1(n: number, lang: string): string {
  return (lang === 'en' ? oneEn : one).format(n);
}

export function fmtDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** This year and the few before it, newest first. */
export function yearChoices(now = new Date()): number[] {
  const y = now.getFullYear();
  return [y, y - 1, y - 2, y - 3];
}
