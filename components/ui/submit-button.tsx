'use client';

import { useFormStatus } from 'react-dom';

export function SubmitButton({
  children,
  pendingText,
  className = '',
  variant = 'primary',
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  const styles = {
    primary: 'bg-brand-700 text-white hover:bg-brand-800',
    secondary: 'border border-slate-400 bg-white text-slate-900 hover:bg-slate-100',
    danger: 'bg-red-700 text-white hover:bg-red-800',
  }[variant];
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex min-h-12 items-center justify-center rounded-lg px-5 py-3 text-base font-semibold disabled:opacity-70 ${styles} ${className}`}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
