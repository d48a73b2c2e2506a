import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Share a page: the device's own share sheet where it has one (Web Share API), otherwise a panel with a
 * link to copy and an email link. The page's Open Graph preview does the rest.
 */
export function ShareButton({ title, path }: { title: string; path: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const url = new URL(path, window.location.origin).toString();
  const panelId = `share-${path.replace(/\W+/g, '-')}`;

  async function share() {
    setCopied(null);
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // Dismissed by the person: nothing to say. Refused by the device: offer the other ways.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    setOpen((was) => !was);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(t('share.copied'));
    } catch {
      setCopied(t('share.copyFailed'));
    }
  }

  const mail = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${url}`)}`;
  return (
    <div className="margin-top-2">
      <button
        type="button"
        className="usa-button usa-button--outline"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => void share()}
      >
        {t('share.button')}
      </button>
      <div id={panelId} hidden={!open} className="margin-top-1">
        <label className="usa-label margin-top-0" htmlFor={`${panelId}-link`}>
          {t('share.link')}
        </label>
        <input
          className="usa-input"
          id={`${panelId}-link`}
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <div className="usa-button-group margin-top-1">
          <button type="button" className="usa-button usa-button--unstyled" onClick={() => void copy()}>
            {t('share.copy')}
          </button>
          <a className="usa-link margin-left-2" href={mail}>
            {t('share.email')}
          </a>
        </div>
        <p role="status" className="margin-y-05 font-sans-2xs">
          {copied}
        </p>
      </div>
    </div>
  );
}
