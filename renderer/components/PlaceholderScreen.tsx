interface PlaceholderScreenProps {
  title: string;
  issue: number;
  summary: string;
}

/** A clearly marked screen that is not built yet; its issue builds it. */
export function PlaceholderScreen({ title, issue, summary }: PlaceholderScreenProps) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">{title}</h1>
        <span className="badge badge-neutral">Not built yet — issue #{issue}</span>
      </header>
      <p className="placeholder-text">{summary}</p>
    </section>
  );
}
