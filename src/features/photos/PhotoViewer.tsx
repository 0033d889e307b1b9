import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { usePhoto } from '../../services/photos/usePhoto';
import { PhotoImage } from './PhotoThumb';
import { MAX_SCALE, MIN_SCALE, useZoomPan } from './useZoomPan';
import './photos.css';
import './i18nRegister';

interface Props {
  hashes: readonly string[];
  start: number;
  altOf: (index: number) => string;
  onClose: () => void;
}

/** The view size when it is there; the thumbnail (or its placeholder) while it loads or offline. */
function ViewerImage({ hash, alt, style }: { hash: string; alt: string; style: React.CSSProperties }) {
  const view = usePhoto(hash, 'view');
  if (view.state === 'ready') return <img className="pv-img" src={view.url} alt={alt} style={style} draggable={false} data-hash={hash} data-size="view" />;
  return <PhotoImage hash={hash} alt={alt} size="thumb" className="pv-img pv-img-small" />;
}

const focusable = 'button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Full-screen photo viewer: a modal dialog with a focus trap. It pushes a history entry, so the
 * browser's back button (or Android's) closes it instead of leaving the page; Esc does the same.
 */
export function PhotoViewer({ hashes, start, altOf, onClose }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [index, setIndex] = useState(start);
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const total = hashes.length;
  const go = useCallback((d: 1 | -1) => setIndex((i) => Math.min(total - 1, Math.max(0, i + d))), [total]);
  const { view, swipeDx, stage, handlers, zoomBy, reset } = useZoomPan(go);
  useEffect(reset, [index, reset]);

  useEffect(() => {
    // One entry, also when React runs this effect twice in development.
    if (!(history.state as { photoViewer?: boolean } | null)?.photoViewer) history.pushState({ ...(history.state ?? {}), photoViewer: true }, '');
    const onPop = () => onCloseRef.current();
    window.addEventListener('popstate', onPop);
    closeButton.current?.focus();
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    return () => {
      window.removeEventListener('popstate', onPop);
      document.body.style.overflow = overflow;
    };
  }, []);

  const close = useCallback(() => {
    // Going back pops our entry; the popstate handler then closes, exactly as the back button does.
    if ((history.state as { photoViewer?: boolean } | null)?.photoViewer) history.back();
    else onCloseRef.current();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowRight') go(1);
    else if (e.key === 'ArrowLeft') go(-1);
    else if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-') zoomBy(1 / 1.5);
    else if (e.key === 'Tab') {
      const items = [...(dialog.current?.querySelectorAll<HTMLElement>(focusable) ?? [])];
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (!dialog.current?.contains(document.activeElement)) {
        // Focus fell out (a button that just became disabled): back into the dialog.
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  // On the document, not the dialog: keys still work when focus fell to the body (a button that
  // became disabled, a click on the photo).
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const hash = hashes[index]!;
  const transform = `translate(${view.x + swipeDx}px, ${view.y}px) scale(${view.scale})`;
  return createPortal(
    <div ref={dialog} className="pv" role="dialog" aria-modal="true" aria-labelledby={titleId}>
      <div className="pv-bar">
        <h2 id={titleId} className="pv-title" aria-live="polite">
          {t('photos.viewer.title', { n: index + 1, total })}
        </h2>
        <button type="button" className="pv-btn" onClick={() => zoomBy(1 / 1.5)} disabled={view.scale <= MIN_SCALE} aria-label={t('photos.viewer.zoomOut')}>
          −
        </button>
        <button type="button" className="pv-btn" onClick={reset} disabled={view.scale <= MIN_SCALE} aria-label={t('photos.viewer.reset')}>
          ⤢
        </button>
        <button type="button" className="pv-btn" onClick={() => zoomBy(1.5)} disabled={view.scale >= MAX_SCALE} aria-label={t('photos.viewer.zoomIn')}>
          +
        </button>
        <button ref={closeButton} type="button" className="pv-btn pv-close" onClick={close} aria-label={t('photos.viewer.close')}>
          ×
        </button>
      </div>
      <p className="pv-hint">{t('photos.viewer.hint')}</p>
      <div ref={stage} className="pv-stage" data-testid="photo-stage" {...handlers}>
        <ViewerImage key={hash} hash={hash} alt={altOf(index)} style={{ transform }} />
      </div>
      <button type="button" className="pv-btn pv-nav pv-prev" onClick={() => go(-1)} disabled={index === 0} aria-label={t('photos.viewer.previous')}>
        ‹
      </button>
      <button type="button" className="pv-btn pv-nav pv-next" onClick={() => go(1)} disabled={index === total - 1} aria-label={t('photos.viewer.next')}>
        ›
      </button>
    </div>,
    document.body,
  );
}
