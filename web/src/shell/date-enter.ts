import type { KeyboardEvent } from 'react';

/**
 * A date picker's onKeyDown inside a form: Enter confirms the typed date (the picker's own handling
 * still runs) without also submitting the form, which recorded a repayment or closed a business day
 * while the user was only choosing a date.
 */
export function confirmDateWithoutSubmit(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter') event.preventDefault();
}
