import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusElement, itemsOf, listBefore } from '../../lib/focus';

/**
 * "Show more" for a paginated list; says when it is loading. Once the next page is in, focus moves to its
 * first item, so keyboard and screen reader users go on reading where the new items start.
 */
export function LoadMore({
  hasMore,
  loading,
  onClick,
}: {
  hasMore: boolean;
  loading: boolean;
  onClick(): Promise<unknown> | void;
}) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  if (!hasMore) return null;
  async function more() {
    // Found now: once the last page is in, this button is gone.
    const list = button.current ? listBefore(button.current) : null;
    const shown = itemsOf(list).length;
    await onClick();
    // The new items render shortly after the page arrives: wait for them (a few frames at most).
    const deadline = Date.now() + 2000;
    const focusFirstNew = () => {
      const first = itemsOf(list)[shown];
      if (first) focusElement(first);
      else if (Date.now() < deadline) requestAnimationFrame(focusFirstNew);
    };
    requestAnimationFrame(focusFirstNew);
  }
  return (
    <button
      ref={button}
      type="button"
      className="usa-button usa-button--outline margin-top-2"
      onClick={() => void more()}
      disabled={loading}
    >
      {loading ? t('common.loading') : t('common.showMore')}
    </button>
  );
}
