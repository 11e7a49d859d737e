import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { AttributeDefinition } from '../../../shared/domain/participant';
import { Field } from '../../ui/Field';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string }[];
  /** Shown first with an empty value, e.g. "Any staff group". */
  placeholder?: string;
}

/** A labelled select, the sibling of ui/Field. */
export function SelectField({ label, hint, options, placeholder, ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A text field offering suggestions while still taking any text. */
export function SuggestField({
  label,
  value,
  onChange,
  suggestions,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  suggestions: readonly string[];
  maxLength: number;
}) {
  const listId = useId();
  return (
    <>
      <Field label={label} value={value} maxLength={maxLength} list={listId} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}

/** The input for one custom attribute's value, by its kind. */
export function AttributeInput({
  attribute,
  value,
  onChange,
  label = attribute.name,
  emptyLabel = 'Not recorded',
}: {
  attribute: AttributeDefinition;
  value: string;
  onChange: (value: string) => void;
  label?: string;
  emptyLabel?: string;
}) {
  if (attribute.kind === 'choice') {
    return (
      <SelectField
        label={label}
        value={value}
        placeholder={emptyLabel}
        options={attribute.choices.map((c) => ({ value: c, label: c }))}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Field
      label={label}
      value={value}
      maxLength={500}
      inputMode={attribute.kind === 'number' ? 'decimal' : undefined}
      hint={attribute.kind === 'number' ? 'A number, such as 12 or 3.5.' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
