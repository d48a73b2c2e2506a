import { Alert as UswdsAlert } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

interface AlertProps {
  type: 'success' | 'warning' | 'error' | 'info';
  heading?: string;
  children: ReactNode;
  'data-testid'?: string;
}

/** A USWDS alert; the heading level stays consistent across the app. */
export function Alert({ type, heading, children, ...rest }: AlertProps) {
  return (
    <UswdsAlert type={type} heading={heading} headingLevel="h2" slim={!heading} {...rest}>
      {children}
    </UswdsAlert>
  );
}
