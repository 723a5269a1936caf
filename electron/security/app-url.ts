import { pathToFileURL } from 'node:url';

/**
 * Whether a URL is one of the app's own pages: a file:// URL inside the renderer folder.
 * The trailing slash matters: without it `…/renderer-evil/x.html` would pass for `…/renderer`.
 */
export function appUrlCheck(rendererDir: string): (url: string) => boolean {
  const folder = pathToFileURL(rendererDir).href.replace(/\/?$/, '/');
  return (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    return parsed.protocol === 'file:' && parsed.href.startsWith(folder);
  };
}
