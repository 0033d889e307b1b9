import { useEffect, useState } from 'react';
import { qrDataUrl } from './qr';

/** A QR code image for `text`; empty until made (a few milliseconds). */
export function QrCode({ text, label, size }: { text: string; label: string; size: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrDataUrl(text).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img className="qr" src={src} alt={label} style={{ width: size, height: size }} data-qr-for={text} /> : <span className="qr" style={{ width: size, height: size }} />;
}
