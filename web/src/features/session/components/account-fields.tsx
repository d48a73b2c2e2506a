import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field';

interface FieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  error?: string;
}

/** The email address of an account, as every account form asks for it. */
export function EmailField({ id, value, onChange, error, label }: FieldProps & { label?: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      label={label ?? t('session.email')}
      type="email"
      autoComplete="email"
      value={value}
      onChange={onChange}
      error={error}
      required
    />
  );
}

/** A password: the current one (sign-in), or a new one with its hint (sign-up, reset). */
export function PasswordField({
  label,
  hint,
  isNew,
  ...field
}: FieldProps & { label: string; hint?: string; isNew: boolean }) {
  return (
    <TextField
      {...field}
      label={label}
      hint={hint}
      type="password"
      autoComplete={isNew ? 'new-password' : 'current-password'}
      required
    />
  );
}
