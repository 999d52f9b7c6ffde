import { useClients } from '../api/queries';
import { SelectField } from './Field';

/**
 * Picks the client a screen works on; shows nothing for a person with a single client. With
 * `anyLabel` it is a filter instead: that first choice (the empty value) means every client,
 * and it shows even for a single client.
 */
export function ClientPicker({
  value,
  onChange,
  className = 'toolbar',
  anyLabel,
  name,
  error,
}: {
  value: string | null;
  onChange: (id: string) => void;
  className?: string;
  anyLabel?: string;
  name?: string;
  error?: string;
}) {
  const clients = useClients();
  const items = clients.data?.items ?? [];
  if (items.length < (anyLabel ? 1 : 2)) return null;
  return (
    <div className={className}>
      <SelectField label="Client" name={name} value={value ?? ''} error={error} onChange={(e) => onChange(e.target.value)}>
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
