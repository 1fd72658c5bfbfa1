'use client';

import { useEffect, useRef } from 'react';
import type { FormResult } from '@/lib/forms/result';

/**
 * After a refused submit, moves focus to the first field with a message, so a patient at the bottom of a
 * long form (and a screen-reader user) lands on what needs fixing instead of a message scrolled out of view.
 */
export function useFocusFirstError(state: FormResult<unknown>) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok || !formRef.current) return;
    const invalid = formRef.current.querySelector('[aria-invalid="true"]');
    const target = invalid?.matches('input, textarea, select') ? invalid : invalid?.querySelector('input, textarea, select');
    (target as HTMLElement | null | undefined)?.focus();
  }, [state]);
  return formRef;
}
