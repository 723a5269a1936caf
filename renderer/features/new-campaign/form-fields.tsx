import type { ReactNode } from 'react';

/** One labelled input with its inline message; the message is tied to the input for screen readers. */
export function FormField({
  id,
  label,
  message,
  hint,
  children,
}: {
  id: string;
  label: string;
  message: string | undefined;
  hint?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const describedBy = [message ? `${id}-message` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(describedBy, Boolean(message))}
      {hint ? (
        <span id={`${id}-hint`} className="muted field-hint">
          {hint}
        </span>
      ) : null}
      {message ? (
        <span id={`${id}-message`} className="field-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}

/** Empty input → NaN, which the form schema answers with "Enter … as a whole number". */
export const numberValue = (value: number) => (Number.isFinite(value) ? String(value) : '');
export const parseNumberInput = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
