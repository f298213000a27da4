// Small pieces the views share.
import { useId, useState, type ReactNode } from 'react';
import type { PortalProblem } from '../../../src-main/shared/portalApi.ts';
import { copyText } from '../../shared/clipboard.ts';
import { cssColour } from '../../shared/format.ts';

/** The problem's balloon colour as a dot (hidden from screen readers: the label says which problem). */
export function ProblemDot({ rgb, title }: { rgb: string | null | undefined; title?: string }) {
  const colour = cssColour(rgb);
  return <span className={colour ? 'dot' : 'dot dot-none'} style={colour ? { backgroundColor: colour } : undefined} title={title} aria-hidden="true" />;
}

export function ProblemTag({ problem }: { problem: Pick<PortalProblem, 'label' | 'rgb' | 'color'> | undefined }) {
  if (!problem) return <span className="problem-tag">?</span>;
  return (
    <span className="problem-tag">
      <ProblemDot rgb={problem.rgb} title={problem.color || undefined} />
      {problem.label}
    </span>
  );
}

export function Notice({ tone = 'info', children, role }: { tone?: 'info' | 'warning' | 'error' | 'success'; children: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {children}
    </div>
  );
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = async (): Promise<void> => {
    setState((await copyText(text)) ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" className="small" onClick={onClick} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
    </button>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/**
 * A labelled form field. The <label> points at the control by id rather than wrapping it, so the
 * control's accessible name is exactly `label` (a wrapped <select> would add its option text).
 */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** The options of a problem select: "A — Hello, World!", in contest order. */
export function ProblemOptions({ problems }: { problems: readonly { id: string; label: string; name: string }[] }) {
  return (
    <>
      {problems.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label} — {p.name}
        </option>
      ))}
    </>
  );
}
