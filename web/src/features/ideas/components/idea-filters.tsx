import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SearchForm } from '../../../components/ui/search-form';

const SORTS = ['TOP', 'NEW', 'TRENDING', 'BEST', 'COMMON_GROUND'] as const;
/** Common ground comes from up and down votes: offered only where people vote both ways. */
const sortsFor = (votingMode: string) => SORTS.filter((sort) => sort !== 'COMMON_GROUND' || votingMode === 'UP_DOWN');
const STATUSES = [
  'SUBMITTED',
  'UNDER_REVIEW',
  'ACCEPTED',
  'IN_PROGRESS',
  'IMPLEMENTED',
  'REJECTED',
  'DUPLICATE',
  'WITHDRAWN',
];

/** The list's state as the URL holds it: sort, tag, status and search. */
export function useIdeaFilters() {
  const [params, setParams] = useSearchParams();
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort')! : 'TOP';
  const status = STATUSES.includes(params.get('status') ?? '') ? params.get('status')! : '';
  const filters = { sort, tag: params.get('tag') ?? '', status, q: params.get('q') ?? '' };
  const update = (changes: Partial<typeof filters>) => {
    const next = { ...filters, ...changes };
    const search = new URLSearchParams();
    if (next.sort !== 'TOP') search.set('sort', next.sort);
    if (next.tag) search.set('tag', next.tag);
    if (next.status) search.set('status', next.status);
    if (next.q) search.set('q', next.q);
    setParams(search);
  };
  return { filters, update };
}

/** Sort, tag and status pickers and a search box; every change goes to the URL. */
export function IdeaFilters({ tags, votingMode }: { tags: string[]; votingMode: string }) {
  const { t } = useTranslation();
  const { filters, update } = useIdeaFilters();
  return (
    <div className="grid-row grid-gap-2 flex-align-end margin-bottom-2">
      <div className="grid-col-12 mobile-lg:grid-col-6 tablet:grid-col-3">
        <label className="usa-label" htmlFor="idea-sort">
          {t('ideas.sort')}
        </label>
        <select
          className="usa-select"
          id="idea-sort"
          value={filters.sort}
          onChange={(e) => update({ sort: e.target.value })}
        >
          {sortsFor(votingMode).map((sort) => (
            <option key={sort} value={sort}>
              {t(`ideas.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="grid-col-12 mobile-lg:grid-col-6 tablet:grid-col-3">
        <label className="usa-label" htmlFor="idea-tag">
          {t('ideas.tag')}
        </label>
        <select
          className="usa-select"
          id="idea-tag"
          value={filters.tag}
          onChange={(e) => update({ tag: e.target.value })}
        >
          <option value="">{t('ideas.allTags')}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div className="grid-col-12 tablet:grid-col-3">
        <label className="usa-label" htmlFor="idea-status">
          {t('ideas.status')}
        </label>
        <select
          className="usa-select"
          id="idea-status"
          value={filters.status}
          onChange={(e) => update({ status: e.target.value })}
        >
          <option value="">{t('ideas.allStatuses')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {filters.sort === 'COMMON_GROUND' ? (
        <p className="grid-col-12 usa-hint margin-y-1" id="common-ground-hint">
          {t('ideas.commonGroundHint')} <Link to="/common-ground">{t('ideas.commonGroundLink')}</Link>
        </p>
      ) : null}
      <SearchForm
        id="idea-search"
        className="grid-col-12 tablet:grid-col-3"
        label={t('ideas.search')}
        initial={filters.q}
        onSearch={(q) => update({ q })}
      />
    </div>
  );
}
