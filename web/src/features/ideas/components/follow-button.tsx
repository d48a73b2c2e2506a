import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_IDEA, UNFOLLOW_IDEA } from '../api/follows';

/** Follow or stop following an idea (to hear when its status changes or the agency answers). */
export function FollowButton({ idea }: { idea: { id: string; viewerFollows: boolean } }) {
  const { t } = useTranslation();
  const [follow, following] = useMutation(FOLLOW_IDEA);
  const [unfollow, unfollowing] = useMutation(UNFOLLOW_IDEA);
  const toggle = () =>
    void (idea.viewerFollows ? unfollow : follow)({ variables: { ideaId: idea.id } }).catch(() => undefined);
  return (
    <button
      type="button"
      className="usa-button usa-button--outline"
      aria-pressed={idea.viewerFollows}
      disabled={following.loading || unfollowing.loading}
      onClick={toggle}
    >
      {idea.viewerFollows ? t('ideas.following') : t('ideas.follow')}
    </button>
  );
}
