import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface SectionProps {
  title: string;
  /** Heading level inside the view; 2 unless nested. */
  level?: 2 | 3;
  class?: string;
  /** Gets the heading's id, so lists inside can be labelled by it. */
  children: (headingId: string) => ComponentChildren;
}

/** A titled region: a `<section>` labelled by its own heading. */
export function Section({ title, level = 2, class: className, children }: SectionProps) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class={className ?? 'cc-section'} aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
      {children(id)}
    </section>
  );
}
