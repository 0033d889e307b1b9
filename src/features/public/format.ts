/** Dates and grades as the public pages print them (nl-NL by default, en-GB in English). */
const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'nl-NL');

export function longDate(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function grade(value: number, lang: string): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
