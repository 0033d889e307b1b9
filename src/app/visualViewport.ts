/**
 * Keeps the app inside the part of the screen that the on-screen keyboard leaves free. The visual
 * viewport shrinks when the keyboard opens; its height goes into `--app-height`, which the shell uses as
 * its height, so panels end above the keyboard. The field being typed in is then scrolled into the
 * middle of its panel, so it stays visible however the browser resized.
 */
export function installVisualViewport(): void {
  const vv = window.visualViewport;
  if (!vv) return;
  const root = document.documentElement;
  let frame = 0;
  const update = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      root.style.setProperty('--app-height', `${Math.round(vv.height)}px`);
      root.style.setProperty('--app-top', `${Math.round(vv.offsetTop)}px`);
      revealFocused();
    });
  };
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  document.addEventListener('focusin', () => setTimeout(update, 50));
  update();
}

function isTextField(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLTextAreaElement || el.isContentEditable) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'file', 'range', 'color'].includes(el.type);
}

function revealFocused(): void {
  const el = document.activeElement;
  if (!isTextField(el)) return;
  const vv = window.visualViewport!;
  const r = el.getBoundingClientRect();
  const top = vv.offsetTop;
  const bottom = vv.offsetTop + vv.height;
  // Only move when it is (partly) hidden: moving a visible field under the person's finger is worse.
  if (r.top < top || r.bottom > bottom) el.scrollIntoView({ block: 'center', inline: 'nearest' });
}
