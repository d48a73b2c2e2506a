import { LIMITS } from '@consulta/shared/limits';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';

export interface IdeaText {
  title: string;
  body: string;
  tag: string;
}

/** What is wrong with an idea's title and details, by the same limits as the server. */
export function ideaProblems(idea: IdeaText, t: TFunction): Record<string, string | false> {
  const titleLength = [...idea.title.trim()].length;
  return {
    title:
      (titleLength < LIMITS.idea.titleMin || titleLength > LIMITS.idea.titleMax) &&
      t('submit.titleLength', { min: LIMITS.idea.titleMin, max: LIMITS.idea.titleMax }),
    body:
      (!idea.body.trim() && t('submit.bodyRequired')) ||
      ([...idea.body].length > LIMITS.idea.bodyMax && t('submit.bodyLength', { max: LIMITS.idea.bodyMax })),
  };
}

/** An idea's title, details and tag, as proposing and editing ask for them; `afterTitle` goes between. */
export function IdeaFields(props: {
  ids: { title: string; body: string; tag: string };
  value: IdeaText;
  onChange(value: IdeaText): void;
  tags: string[];
  errors: Record<string, string>;
  afterTitle?: ReactNode;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  return (
    <>
      <TextField
        id={props.ids.title}
        label={t('submit.title')}
        hint={t('submit.titleHint')}
        value={value.title}
        onChange={(title) => onChange({ ...value, title })}
        maxLength={LIMITS.idea.titleMax}
        error={props.errors.title}
        required
      />
      {props.afterTitle}
      <TextField
        id={props.ids.body}
        label={t('submit.body')}
        hint={t('submit.bodyHint')}
        value={value.body}
        onChange={(body) => onChange({ ...value, body })}
        maxLength={LIMITS.idea.bodyMax}
        multiline
        rows={8}
        error={props.errors.body}
        required
      />
      {props.tags.length ? (
        <SelectField
          id={props.ids.tag}
          label={t('submit.tag')}
          value={value.tag}
          onChange={(tag) => onChange({ ...value, tag })}
          error={props.errors.tag}
          options={[{ value: '', label: t('submit.noTag') }, ...props.tags.map((tag) => ({ value: tag, label: tag }))]}
        />
      ) : null}
    </>
  );
}
