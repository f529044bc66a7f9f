// A labelled form field with its hint and its error, wired with aria-describedby so both are read with the field.
// `group` makes it a fieldset whose legend names a set of radio buttons or checkboxes.
import type { ReactNode } from 'react';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optionalLabel?: string;
  group?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

export function Field({ id, label, hint, error, optionalLabel, group, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const className = `${error ? 'field field--invalid' : 'field'}${group ? ' field--group' : ''}`;
  const caption = (
    <>
      {label}
      {optionalLabel && <span className="field__optional"> ({optionalLabel})</span>}
    </>
  );
  const rest = (
    <>
      {children(describedBy, !!error)}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
  if (group)
    return (
      <fieldset className={className} id={id} aria-describedby={describedBy}>
        <legend className="field__label">{caption}</legend>
        {rest}
      </fieldset>
    );
  return (
    <div className={className}>
      <label className="field__label" htmlFor={id}>
        {caption}
      </label>
      {rest}
    </div>
  );
}
