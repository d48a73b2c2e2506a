import { useTranslation } from 'react-i18next';

/** "Show more" for a paginated list; says when it is loading. */
export function LoadMore({ hasMore, loading, onClick }: { hasMore: boolean; loading: boolean; onClick(): void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <button type="button" className="usa-button usa-button--outline margin-top-2" onClick={onClick} disabled={loading}>
      {loading ? t('common.loading') : t('common.showMore')}
    </button>
  );
}
