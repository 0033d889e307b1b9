const nf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export function formatBytes(n: number): string {
  if (n < 1024) return `${nf.format(n)} B`;
  if (n < 1024 ** 2) return `${nf.format(n / 1024)} KB`;
  if (n < 1024 ** 3) return `${nf.format(n / 1024 ** 2)} MB`;
  return `${nf.format(n / 1024 ** 3)} GB`;
}

export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}
