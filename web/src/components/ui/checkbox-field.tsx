/** A USWDS checkbox with its label and, when given, a description read with it. */
export function CheckboxField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  description?: string;
  className?: string;
}) {
  const descriptionId = `${props.id}-description`;
  return (
    <div className={`usa-checkbox ${props.className ?? ''}`}>
      <input
        className="usa-checkbox__input"
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-describedby={props.description ? descriptionId : undefined}
      />
      <label className="usa-checkbox__label" htmlFor={props.id}>
        {props.label}
        {props.description ? (
          <span className="usa-checkbox__label-description" id={descriptionId}>
            {props.description}
          </span>
        ) : null}
      </label>
    </div>
  );
}
