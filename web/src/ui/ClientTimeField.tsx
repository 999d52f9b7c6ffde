import { zoneName } from '../client-time';
import { TextField } from './Field';

/**
 * A date and time on a client's clock (a datetime-local input): the value is local text
 * ("2026-06-02T15:00"), turned into an instant with `zonedToInstant` when the form is sent.
 * The hint names the zone, so an agent elsewhere is not misled by their own clock.
 */
export function ClientTimeField({ label, name, value, onChange, timeZone, error, clientName }: { label: string; name: string; value: string; onChange(value: string): void; timeZone: string; error?: string; clientName?: string }) {
  return (
    <TextField
      type="datetime-local"
      label={label}
      name={name}
      value={value}
      error={error}
      hint={`${clientName ? `${clientName}’s` : 'The client’s'} time (${zoneName(timeZone)})`}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
