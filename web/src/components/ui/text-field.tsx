import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string;
  /** Shows a live count of characters left (the same limit the server applies). */
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email' | 'password' | 'number' | 'datetime-local' | 'search' | 'url';
  required?: boolean;
  autoComplete?: string;
  min?: number;
  max?: number;
}

/** A labelled USWDS text input or textarea with hint, error message and character count. */
export function TextField(props: TextFieldProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const countId = useId();
  const errorId = useId();
  const left = props.maxLength !== undefined ? props.maxLength - [...props.value].length : null;
  const describedBy = [props.hint && hintId, props.error && errorId, left !== null && countId]
    .filter(Boolean)
    .join(' ');
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(event.target.value),
  };
  const over = left !== null && left < 0;
  return (
    <div className={`usa-form-group ${props.error ? 'usa-form-group--error' : ''}`}>
      <label className={`usa-label ${props.error ? 'usa-label--error' : ''}`} htmlFor={props.id}>
        {props.label}
        {props.required ? null : <span className="text-base"> {t('form.optional')}</span>}
      </label>
      {props.hint ? (
        <div className="usa-hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <span className="usa-error-message" id={errorId} role="alert">
          <span className="usa-sr-only">{t('form.errorPrefix')} </span>
          {props.error}
        </span>
      ) : null}
      {props.multiline ? (
        <textarea
          className={`usa-textarea ${props.error ? 'usa-input--error' : ''}`}
          rows={props.rows ?? 6}
          {...common}
        />
      ) : (
        <input
          className={`usa-input ${props.error ? 'usa-input--error' : ''}`}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          min={props.min}
          max={props.max}
          {...common}
        />
      )}
      {left !== null ? (
        <span
          id={countId}
          className={`usa-character-count__status usa-hint ${over ? 'usa-character-count__status--invalid text-bold' : ''}`}
          aria-live="polite"
        >
          {over ? t('form.charactersOver', { count: -left }) : t('form.charactersLeft', { count: left })}
        </span>
      ) : null}
    </div>
  );
}
