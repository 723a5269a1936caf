import { urlSettingWarning } from '../../../shared/url-setting';

/** Beside a URL field: says so when the URL is plain http (accepted only for this computer). */
export function UrlWarning({ id, url }: { id: string; url: string }) {
  const warning = urlSettingWarning(url);
  if (!warning) return null;
  return (
    <span className="field-warning" id={id} role="note">
      {warning}
    </span>
  );
}
