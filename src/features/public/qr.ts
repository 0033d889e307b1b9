/** A QR code as an SVG data URL (CSP allows data: images), for print: crisp at any size. */
import QRCode from 'qrcode';

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The stable public address of an area's page (or the municipality's with no area). */
export function publicPagePath(municipality: string, areaId?: string): string {
  return `/openbaar/${encodeURIComponent(municipality)}${areaId ? `/${encodeURIComponent(areaId)}` : ''}`;
}
