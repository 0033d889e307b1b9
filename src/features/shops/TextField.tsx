import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  type?: string;
  required?: boolean;
  id?: string;
}

/** A labelled input whose error is tied to it (aria-invalid + aria-describedby). */
export function TextField({ label, value, onChange, error, type = 'text', required, id }: Props) {
  const own = useId();
  const inputId = id ?? own;
  const errorId = `${inputId}-error`;
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {error && (
        <span id={errorId} className="error-text">
          {error}
        </span>
      )}
      <input
        id={inputId}
        type={type}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
