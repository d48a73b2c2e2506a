import { LIMITS } from '@consulta/shared/limits';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field';

/** An agency's name and description, as both the add and the edit forms ask for them. */
export function AgencyFields(props: {
  ids: { name: string; description: string };
  name: string;
  description: string;
  onName(value: string): void;
  onDescription(value: string): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={props.ids.name}
        label={t('admin.agencyName')}
        value={props.name}
        onChange={props.onName}
        maxLength={LIMITS.agency.nameMax}
        error={props.errors.name}
        required
      />
      <TextField
        id={props.ids.description}
        label={t('admin.agencyDescription')}
        value={props.description}
        onChange={props.onDescription}
        maxLength={LIMITS.agency.descriptionMax}
        multiline
        rows={3}
        error={props.errors.description}
      />
    </>
  );
}
