import { useEffect, useRef, type ReactNode } from 'react';

interface AlertProps {
  type: 'success' | 'warning' | 'error' | 'info';
  heading?: string;
  children: ReactNode;
  'data-testid'?: string;
  /** Move focus to the alert when it appears (the result of an action the reader just took). */
  focus?: boolean;
}

/**
 * A USWDS alert (its markup and classes: re-themed by USWDS tokens). Errors and warnings are announced at
 * once, the rest politely.
 */
export function Alert({ type, heading, children, focus = false, ...rest }: AlertProps) {
  const urgent = type === 'error' || type === 'warning';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, children]);
  return (
    <div
      ref={ref}
      className={`usa-alert usa-alert--${type} ${heading ? '' : 'usa-alert--slim'} margin-y-2`}
      role={urgent ? 'alert' : 'status'}
      tabIndex={focus ? -1 : undefined}
      {...rest}
    >
      <div className="usa-alert__body">
        {heading ? <h2 className="usa-alert__heading">{heading}</h2> : null}
        <div className="usa-alert__text">{children}</div>
      </div>
    </div>
  );
}
