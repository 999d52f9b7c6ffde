import { useState, type ChangeEvent } from 'react';

/** The values chosen in a group of checkboxes; `toggle(value)` is that checkbox's onChange. */
export function useChosen<T>(initial: Iterable<T> = []) {
  const [chosen, setChosen] = useState<Set<T>>(() => new Set(initial));
  const toggle = (value: T) => (e: ChangeEvent<HTMLInputElement>) => {
    const on = e.target.checked;
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(value);
      else next.delete(value);
      return next;
    });
  };
  return [chosen, toggle] as const;
}
