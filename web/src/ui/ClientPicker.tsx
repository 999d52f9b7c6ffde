import { useClients } from '../api/queries';
import { SelectField } from './Field';

/** Picks the client a screen works on; shows nothing for a person with a single client. */
export function ClientPicker({ value, onChange, className = 'toolbar' }: { value: string | null; onChange: (id: string) => void; className?: string }) {
  const clients = useClients();
  const items = clients.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <div className={className}>
      <SelectField label="Client" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
