import { useId } from 'react';

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange(value: string): void;
  hint?: string;
  error?: string;
}

/** A labelled USWDS select. */
export function SelectField(props: SelectFieldProps) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [props.hint && hintId, props.error && errorId].filter(Boolean).join(' ');
  return (
    <div className={`usa-form-group ${props.error ? 'usa-form-group--error' : ''}`}>
      <label className="usa-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div className="usa-hint" id={hintId}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <span className="usa-error-message" id={errorId} role="alert">
          {props.error}
        </span>
      ) : null}
      <select
        className="usa-select"
        id={props.id}
        name={props.id}
        value={props.value}
        aria-describedby={describedBy || undefined}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
