import { useEffect, useId, useRef, useState, type ReactNode, type UIEvent } from 'react';
import type { PhiSpan, PhiType } from '../../../src/phi/detect.ts';
import { Button } from './Button';

/**
 * Operational text with the PHI guard in the browser: as the agent types, the same detector
 * the server runs (loaded once, no network round trip) highlights what looks like PHI. Each
 * finding can be marked "not PHI" with a reason (sent to the server, which audits it) or, where
 * the form offers it, moved to the patient record instead.
 */

/** A span the person marked as not PHI: matched again by its text and type as the text changes. */
export interface PhiOverrideMark {
  text: string;
  type: PhiType;
  reason: string;
}

/** What the server's `phiOverrides` wants: the field, the span's offsets in the text sent, its type and the reason. */
export interface PhiOverridePayload {
  field: string;
  start: number;
  end: number;
  type: PhiType;
  reason: string;
}

type Detector = (text: string) => PhiSpan[];
let detector: Promise<Detector> | null = null;
/** The detector and its word lists load on first use, in their own chunk. */
export function loadDetector(): Promise<Detector> {
  // The first detection builds the name lexicon (a few hundred milliseconds): do it while the
  // chunk loads, so the agent's first keystrokes are checked in well under 2 ms.
  detector ??= import('../../../src/phi/detect.ts').then((m) => {
    m.detectPhi('Warm up');
    return m.detectPhi;
  });
  return detector;
}

const LABELS: Record<PhiType, string> = {
  NAME: 'Name',
  PHONE: 'Phone number',
  FAX: 'Fax number',
  EMAIL: 'E-mail address',
  DATE: 'Date',
  ADDRESS: 'Address',
  SSN: 'Social security number',
  MRN: 'Record number',
  INSURANCE_ID: 'Insurance ID',
  URL: 'Web address',
  IP: 'IP address',
  LICENSE: 'Licence number',
  VEHICLE: 'Vehicle identifier',
  DEVICE: 'Device serial',
  OTHER_ID: 'Identifying number',
};

const isOverridden = (text: string, span: PhiSpan, overrides: PhiOverrideMark[]) => overrides.some((o) => o.type === span.type && o.text === text.slice(span.start, span.end));

/** The `phiOverrides` entries for one field's text, from the marks still present in it. */
export async function overridesFor(field: string, text: string, overrides: PhiOverrideMark[]): Promise<PhiOverridePayload[]> {
  if (overrides.length === 0 || !text) return [];
  const detect = await loadDetector();
  return detect(text).flatMap((s) => {
    const mark = overrides.find((o) => o.type === s.type && o.text === text.slice(s.start, s.end));
    return mark ? [{ field, start: s.start, end: s.end, type: s.type, reason: mark.reason }] : [];
  });
}

interface PhiTextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  overrides: PhiOverrideMark[];
  onOverridesChange(overrides: PhiOverrideMark[]): void;
  /** Offered for names, phone numbers and e-mail addresses: take the value out of the text into the patient record. */
  onMoveToPatient?(finding: { type: PhiType; text: string; start: number; end: number }): void;
  error?: string;
  hint?: ReactNode;
  name?: string;
  rows?: number;
  maxLength?: number;
}

/** Milliseconds of quiet typing before the text is scanned again. */
const DEBOUNCE_MS = 120;

export function PhiTextField({ label, value, onChange, overrides, onOverridesChange, onMoveToPatient, error, hint, name, rows = 3, maxLength }: PhiTextFieldProps) {
  const id = useId();
  const [spans, setSpans] = useState<PhiSpan[]>([]);
  const [scanned, setScanned] = useState('');
  const [explaining, setExplaining] = useState<PhiSpan | null>(null);
  const [reason, setReason] = useState('');
  const backdrop = useRef<HTMLDivElement>(null);
  // The server's error is about the text it was sent: once the text changes it no longer
  // applies, and "No PHI found" must not sit beside a stale "contains PHI".
  const [errorFor, setErrorFor] = useState({ error, value });
  if (errorFor.error !== error) setErrorFor({ error, value });
  const shownError = error !== undefined && errorFor.value === value ? error : undefined;

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void loadDetector().then((detect) => {
        if (!live) return;
        setSpans(detect(value));
        setScanned(value);
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [value]);

  // Highlights always match the text on screen: stale spans are dropped until the next scan.
  const current = scanned === value ? spans : [];
  const flagged = current.filter((s) => !isOverridden(value, s, overrides));
  const marked = current.filter((s) => isOverridden(value, s, overrides));
  const syncScroll = (e: UIEvent<HTMLTextAreaElement>) => {
    if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
  };

  const pieces: ReactNode[] = [];
  let at = 0;
  for (const s of current) {
    pieces.push(value.slice(at, s.start));
    const cls = isOverridden(value, s, overrides) ? 'phi-mark phi-mark-ok' : 'phi-mark';
    pieces.push(
      <mark key={`${s.start}-${s.end}`} className={cls} data-phi-type={s.type}>
        {value.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  pieces.push(value.slice(at) + '\n');

  const describedBy = [hint ? `${id}-hint` : null, `${id}-status`, shownError ? `${id}-error` : null].filter(Boolean).join(' ');
  const confirm = () => {
    if (!explaining || reason.trim().length < 3) return;
    onOverridesChange([...overrides, { text: value.slice(explaining.start, explaining.end), type: explaining.type, reason: reason.trim() }]);
    setExplaining(null);
    setReason('');
  };

  return (
    <div className="field phi-field">
      <label htmlFor={id}>{label}</label>
      <div className={`phi-editor${flagged.length ? ' phi-editor-flagged' : ''}`}>
        <div className="phi-backdrop" ref={backdrop} aria-hidden="true">
          {pieces}
        </div>
        <textarea
          id={id}
          name={name}
          rows={rows}
          maxLength={maxLength}
          value={value}
          spellCheck
          aria-invalid={shownError || flagged.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onScroll={syncScroll}
        />
      </div>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <div id={`${id}-status`} className="phi-status" role="status" aria-live="polite">
        {flagged.length === 0 ? (value && scanned === value && !shownError ? <span className="phi-clear">No PHI found</span> : null) : <span>Possible PHI — keep it in the patient record, not here:</span>}
      </div>
      {flagged.length > 0 ? (
        <ul className="phi-findings" aria-label="Possible PHI">
          {flagged.map((s) => (
            <li key={`${s.start}-${s.end}`}>
              <span className="phi-type">{LABELS[s.type]}</span> <q>{value.slice(s.start, s.end)}</q>
              {explaining?.start === s.start && explaining.end === s.end ? (
                <span className="phi-explain">
                  <input aria-label="Why this is not PHI" placeholder="Why it is not PHI (e.g. the practice's own line)" value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      confirm();
                    }
                  }} autoFocus />
                  <Button onClick={confirm} disabled={reason.trim().length < 3}>Mark not PHI</Button>
                  <Button onClick={() => setExplaining(null)}>Cancel</Button>
                </span>
              ) : (
                <span className="phi-actions">
                  {onMoveToPatient && ['NAME', 'PHONE', 'EMAIL'].includes(s.type) ? (
                    <Button onClick={() => onMoveToPatient({ type: s.type, text: value.slice(s.start, s.end), start: s.start, end: s.end })}>Move to patient record</Button>
                  ) : null}
                  <Button onClick={() => setExplaining(s)}>Not PHI…</Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {marked.length > 0 ? (
        <ul className="phi-findings phi-findings-ok" aria-label="Marked not PHI">
          {marked.map((s) => {
            const text = value.slice(s.start, s.end);
            const mark = overrides.find((o) => o.type === s.type && o.text === text)!;
            return (
              <li key={`${s.start}-${s.end}`}>
                <span className="phi-type">{LABELS[s.type]}</span> <q>{text}</q> marked not PHI: {mark.reason} (logged)
                <Button onClick={() => onOverridesChange(overrides.filter((o) => o !== mark))}>Undo</Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {shownError ? (
        <span className="error" id={`${id}-error`} role="alert" data-field-error={name ?? ''}>
          {shownError}
        </span>
      ) : null}
    </div>
  );
}
