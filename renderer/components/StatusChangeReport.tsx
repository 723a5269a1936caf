import type { StatusChangeResult } from '../../shared/campaigns/status-change';

const outcomeLabel = {
  changed: 'Done',
  already: 'Already',
  impossible: 'Not possible',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const;

/** Per-campaign outcomes; anything not done is in red with the reason and what to do. */
export function StatusChangeReport({ results, caption }: { results: readonly StatusChangeResult[]; caption?: string }) {
  return (
    // Focusable so a long report scrolls from the keyboard too.
    <div className="table-scroll report-table" tabIndex={0} role="region" aria-label={caption ?? 'Campaigns not changed'}>
      <table className="table">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col">Outcome</th>
            <th scope="col">Status now</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {results.map((result) => {
            // Red is for what needs a person; a change the person cancelled is only not done.
            const bad = result.outcome === 'failed' || result.outcome === 'impossible';
            return (
              <tr key={result.campaignId} className={bad ? 'row-danger' : undefined}>
                <td>{result.name}</td>
                <td className={bad ? 'text-danger' : undefined}>{outcomeLabel[result.outcome]}</td>
                <td>{result.statusAfter ?? 'unknown'}</td>
                <td>{result.reason ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
