// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installChunkRecovery } from '../../src/app/registerSw';

/** A lazy screen whose chunk failed to load, as Vite reports it. */
function chunkFails(): Event {
  const event = new Event('vite:preloadError', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

describe('a screen chunk that fails to load', () => {
  const reload = vi.fn();
  beforeAll(() => {
    Object.defineProperty(window, 'location', { configurable: true, value: { ...window.location, reload } });
    installChunkRecovery();
  });
  afterEach(() => {
    reload.mockReset();
    sessionStorage.clear();
  });

  it('online (a deploy removed the chunk): the app reloads once, cleanly', () => {
    setOnline(true);
    expect(chunkFails().defaultPrevented).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    // A second failure right after is not a reload loop.
    chunkFails();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('offline: no reload onto the browser\'s offline page; the error reaches the screen, which explains it', () => {
    setOnline(false);
    expect(chunkFails().defaultPrevented).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });
});
