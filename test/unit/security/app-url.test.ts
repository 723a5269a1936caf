import { describe, expect, it } from 'vitest';
import { appUrlCheck } from '../../../electron/security/app-url';

describe('which URLs the window may navigate to', () => {
  const isAppUrl = appUrlCheck('/opt/console/out/renderer');

  it('the app pages inside the renderer folder', () => {
    expect(isAppUrl('file:///opt/console/out/renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///opt/console/out/renderer/index.html#/dispositions')).toBe(true);
  });

  it('not a sibling folder that shares the prefix, a parent, or another scheme', () => {
    expect(isAppUrl('file:///opt/console/out/renderer-evil/index.html')).toBe(false);
    expect(isAppUrl('file:///opt/console/out/rendererX.html')).toBe(false);
    expect(isAppUrl('file:///opt/console/out/renderer/../secrets.json')).toBe(false);
    expect(isAppUrl('https://evil.example/opt/console/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
