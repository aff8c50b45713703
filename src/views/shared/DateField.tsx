import { useState } from 'react';
import { dateFieldText, readDateField } from '../../i18n/format';

/**
 * A date typed day first (DD/MM/YYYY) whatever the browser's locale, which a native date input would
 * follow (mm/dd/yyyy on an English-US machine). A complete date is taken as it is typed; on leaving the
 * field, a date that does not exist is marked and the last good one comes back.
 */
export function DateField({
  value,
  onChange,
  testId,
  label,
}: {
  value: string | undefined;
  onChange: (iso: string | undefined) => void;
  testId: string;
  label?: string;
}) {
  const [typed, setTyped] = useState<{ text: string; for: string | undefined }>();
  const text = typed && typed.for === value ? typed.text : dateFieldText(value);
  const read = readDateField(text);
  return (
    <input
      type="text"
      inputMode="numeric"
      placeholder="DD/MM/YYYY"
      aria-label={label}
      aria-invalid={read === null}
      value={text}
      data-testid={testId}
      size={10}
      onChange={(e) => {
        const next = readDateField(e.target.value);
        setTyped({ text: e.target.value, for: next === null ? value : next || undefined });
        if (next !== null && (next || undefined) !== value) onChange(next || undefined);
      }}
      onBlur={() => setTyped(undefined)}
    />
  );
}
