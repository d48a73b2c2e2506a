import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { useFormErrors } from '../../../lib/use-form-errors';
import { UPDATE_IDEA, WITHDRAW_IDEA } from '../api/idea';
import { IdeaFields, ideaProblems, type IdeaText } from './idea-fields';

const IDS = { title: 'edit-title', body: 'edit-body', tag: 'edit-tag' };

interface AuthorActionsProps {
  idea: {
    id: string;
    title: string;
    body: string;
    tag?: string | null;
    viewerCanEdit: boolean;
    viewerCanWithdraw: boolean;
  };
  tags: string[];
  /** Called when the author starts an action (the page then drops messages of earlier ones). */
  onAction?(): void;
}

/**
 * The author's own actions on their idea: edit it while it may still be edited (submitted, consultation
 * open), and withdraw it after confirming. The server decides both (viewerCanEdit, viewerCanWithdraw).
 */
export function AuthorActions({ idea, tags, onAction }: AuthorActionsProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (!idea.viewerCanEdit && !idea.viewerCanWithdraw && !notice) return null;
  return (
    <section aria-labelledby="author-actions" className="margin-top-2">
      <h2 id="author-actions" className="font-sans-sm margin-bottom-1">
        {t('author.title')}
      </h2>
      {notice ? (
        <Alert type="success" focus>
          {notice}
        </Alert>
      ) : null}
      {editing ? (
        <EditIdeaForm
          idea={idea}
          tags={tags}
          onDone={() => {
            setEditing(false);
            setNotice(t('author.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="usa-button-group">
          {idea.viewerCanEdit ? (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                setNotice(null);
                onAction?.();
                setEditing(true);
              }}
            >
              {t('author.edit')}
            </button>
          ) : null}
          {idea.viewerCanWithdraw ? (
            <button
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                setNotice(null);
                onAction?.();
                setConfirming(true);
              }}
            >
              {t('author.withdraw')}
            </button>
          ) : null}
        </div>
      )}
      <WithdrawDialog
        open={confirming}
        ideaId={idea.id}
        onClose={() => setConfirming(false)}
        onDone={() => {
          setConfirming(false);
          setNotice(t('author.withdrawn'));
        }}
      />
    </section>
  );
}

function EditIdeaForm({
  idea,
  tags,
  onDone,
  onCancel,
}: {
  idea: AuthorActionsProps['idea'];
  tags: string[];
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<IdeaText>({ title: idea.title, body: idea.body, tag: idea.tag ?? '' });
  const errors = useFormErrors(IDS);
  const [update, { loading }] = useMutation(UPDATE_IDEA);
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!errors.check(ideaProblems(value, t))) return;
    try {
      await update({
        variables: { input: { id: idea.id, title: value.title.trim(), body: value.body, tag: value.tag || null } },
      });
      onDone();
    } catch (error) {
      errors.report(error);
    }
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={send} noValidate aria-label={t('author.editForm')}>
      <ErrorSummary items={errors.summary} />
      <IdeaFields ids={IDS} value={value} onChange={setValue} tags={tags} errors={errors.fields} />
      <div className="usa-button-group margin-top-2">
        <button type="submit" className="usa-button" disabled={loading}>
          {t('author.save')}
        </button>
        <button type="button" className="usa-button usa-button--outline" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function WithdrawDialog({
  open,
  ideaId,
  onClose,
  onDone,
}: {
  open: boolean;
  ideaId: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [withdraw] = useMutation(WITHDRAW_IDEA);
  return (
    <ConfirmDialog
      open={open}
      title={t('author.withdrawTitle')}
      body={t('author.withdrawBody')}
      confirmLabel={t('author.withdrawConfirm')}
      onConfirm={() => withdraw({ variables: { id: ideaId } })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
