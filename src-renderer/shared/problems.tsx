// Problems as both pages show them: the balloon colour as a dot, the options of a problem select,
// and the topic field of a clarification.
import { cssColour } from './format.ts';
import { Field } from './ui.tsx';

/** The problem's balloon colour as a dot (hidden from screen readers: the label says which problem). */
export function ProblemDot({ rgb, title }: { rgb: string | null | undefined; title?: string }) {
  const colour = cssColour(rgb);
  return <span className={colour ? 'dot' : 'dot dot-none'} style={colour ? { backgroundColor: colour } : undefined} title={title} aria-hidden="true" />;
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

/** A clarification's topic: one of the problems, or "General" (the value ''). */
export function TopicField({ problems, value, onChange }: { problems: readonly { id: string; label: string; name: string }[]; value: string; onChange: (problemId: string) => void }) {
  return (
    <Field label="Problem">
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">General</option>
          <ProblemOptions problems={problems} />
        </select>
      )}
    </Field>
  );
}
