import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { LANGUAGES } from '../../../i18n/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import type { EmailFrequency, NotificationKind } from '../../../gql/graphql';
import { useViewer } from '../../session/components/use-viewer';
import { NOTIFICATION_SETTINGS, UPDATE_NOTIFICATION_PREFERENCES, UPDATE_PROFILE } from '../api/notifications';

const FREQUENCIES: EmailFrequency[] = ['IMMEDIATELY', 'DAILY', 'WEEKLY', 'NEVER'];
const KINDS: NotificationKind[] = [
  'OFFICIAL_RESPONSE',
  'NEW_COMMENT',
  'MODERATION_DECISION',
  'RESPONSE_OWED',
  'CAMPAIGN_CLOSING',
];
const PROFILE_IDS = { displayName: 'settings-name', language: 'settings-language' };

/** Name and language: what others see of the person, and the language of their mail. */
function ProfileForm({ name, language }: { name: string; language: string }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(name);
  const [lang, setLang] = useState(language);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(PROFILE_IDS);
  const [update, { loading }] = useMutation(UPDATE_PROFILE);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    try {
      await update({ variables: { input: { displayName: displayName.trim(), language: lang } } });
      errors.clear();
      setSaved(true);
    } catch (error) {
      errors.report(error);
    }
  }
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('settings.profile')}</h2>
      <ErrorSummary items={errors.summary} />
      <TextField
        id={PROFILE_IDS.displayName}
        label={t('settings.name')}
        hint={t('settings.nameHint')}
        value={displayName}
        onChange={setDisplayName}
        error={errors.fields.displayName}
        autoComplete="name"
        required
      />
      <SelectField
        id={PROFILE_IDS.language}
        label={t('settings.mailLanguage')}
        hint={t('settings.mailLanguageHint')}
        value={lang}
        onChange={setLang}
        error={errors.fields.language}
        options={LANGUAGES.map((code) => ({ value: code, label: t(`app.languageNames.${code}`) }))}
      />
      <button type="submit" className="usa-button" disabled={loading}>
        {t('settings.saveProfile')}
      </button>
      {saved ? <Alert type="success">{t('settings.profileSaved')}</Alert> : null}
    </form>
  );
}

/** How often mail comes, and which kinds of news the person wants at all. */
function PreferencesForm({
  frequency,
  muted,
  official,
}: {
  frequency: EmailFrequency;
  muted: NotificationKind[];
  official: boolean;
}) {
  const { t } = useTranslation();
  const [emailFrequency, setFrequency] = useState(frequency);
  const [mutedKinds, setMuted] = useState<NotificationKind[]>(muted);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors({});
  const [update, { loading }] = useMutation(UPDATE_NOTIFICATION_PREFERENCES);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    try {
      await update({ variables: { input: { emailFrequency, mutedKinds } } });
      errors.clear();
      setSaved(true);
    } catch (error) {
      errors.report(error);
    }
  }
  const toggle = (kind: NotificationKind, wanted: boolean) =>
    setMuted((current) => (wanted ? current.filter((k) => k !== kind) : [...current, kind]));
  return (
    <form className="usa-form usa-form--large" onSubmit={submit} noValidate aria-labelledby="email-heading">
      <h2 id="email-heading">{t('settings.notifications')}</h2>
      <ErrorSummary items={errors.summary} />
      <fieldset className="usa-fieldset">
        <legend className="usa-legend">{t('settings.frequency')}</legend>
        {FREQUENCIES.map((value) => (
          <div key={value} className="usa-radio">
            <input
              className="usa-radio__input"
              id={`frequency-${value}`}
              type="radio"
              name="email-frequency"
              value={value}
              checked={emailFrequency === value}
              onChange={() => setFrequency(value)}
              aria-describedby={`frequency-${value}-hint`}
            />
            <label className="usa-radio__label" htmlFor={`frequency-${value}`}>
              {t(`settings.frequencies.${value}`)}
              <span className="usa-checkbox__label-description" id={`frequency-${value}-hint`}>
                {t(`settings.frequencyHints.${value}`)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{t('settings.kinds')}</legend>
        <p className="usa-hint">{t('settings.kindsHint')}</p>
        {KINDS.filter((kind) => official || kind !== 'RESPONSE_OWED').map((kind) => (
          <CheckboxField
            key={kind}
            id={`kind-${kind}`}
            label={t(`settings.kindNames.${kind}`)}
            checked={!mutedKinds.includes(kind)}
            onChange={(checked) => toggle(kind, checked)}
          />
        ))}
      </fieldset>
      <button type="submit" className="usa-button margin-top-3" disabled={loading}>
        {t('settings.savePreferences')}
      </button>
      {saved ? <Alert type="success">{t('settings.preferencesSaved')}</Alert> : null}
    </form>
  );
}

/** The person's settings: profile, and how they are told of what happens. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const { data, error } = useQuery(NOTIFICATION_SETTINGS, { fetchPolicy: 'cache-and-network' });
  const session = useViewer();
  if (error) return <Alert type="error">{t('errors.load')}</Alert>;
  const viewer = data?.viewer;
  if (!viewer) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <ProfileForm name={viewer.user.displayName} language={viewer.language} />
      <PreferencesForm
        frequency={viewer.notificationPreferences.emailFrequency}
        muted={viewer.notificationPreferences.mutedKinds}
        official={(session.viewer?.memberships.length ?? 0) > 0}
      />
    </>
  );
}
