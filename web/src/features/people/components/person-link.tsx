import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A person's name as a link to their public page; a deleted account has neither. */
export function PersonLink({
  person,
  className,
}: {
  person: { id: string; displayName: string } | null | undefined;
  className?: string;
}) {
  const { t } = useTranslation();
  if (!person) return <span className={className}>{t('common.deletedAccount')}</span>;
  return (
    <Link to={`/people/${person.id}`} className={className}>
      {person.displayName}
    </Link>
  );
}
