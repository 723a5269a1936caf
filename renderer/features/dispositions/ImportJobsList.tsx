import { useDispositionsStore } from './dispositions-store';

const stateLabels = {
  running: 'Running',
  paused: 'Paused',
  waiting_for_tenant: 'Waiting for the tenant',
  finished: 'Finished',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
} as const;

/** Imports the journal knows: unfinished ones can be resumed, finished ones show their report. */
export function ImportJobsList() {
  const jobs = useDispositionsStore((s) => s.jobs);
  const progress = useDispositionsStore((s) => s.progress);
  const resumeJob = useDispositionsStore((s) => s.resumeJob);
  const showReport = useDispositionsStore((s) => s.showReport);
  if (jobs.length === 0) return null;
  return (
    <details className="panel dispo-jobs" open={jobs.some((job) => job.state === 'interrupted' || job.state === 'paused')}>
      <summary>
        Imports on this computer ({jobs.length}
        {jobs.some((job) => job.state === 'interrupted') ? ', some interrupted' : ''})
      </summary>
      <div className="table-scroll report-table">
        <table className="table">
          <caption className="sr-only">Earlier and running imports</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Started</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Applied
              </th>
              <th scope="col" className="num">
                Already so
              </th>
              <th scope="col" className="num">
                Failed
              </th>
              <th scope="col" className="num">
                Pending
              </th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{job.fileName}</td>
                <td>{job.startedAt ? new Date(job.startedAt).toLocaleString() : '—'}</td>
                <td>{stateLabels[job.state]}</td>
                <td className="num">{job.counts.applied}</td>
                <td className="num">{job.counts.noop}</td>
                <td className="num">{job.counts.failed}</td>
                <td className="num">{job.counts.pending}</td>
                <td>
                  {job.state === 'interrupted' || (job.state === 'paused' && progress?.runId !== job.id) ? (
                    <button type="button" className="button button-small" onClick={() => void resumeJob(job.id)}>
                      Resume {job.fileName}
                    </button>
                  ) : job.state === 'finished' || job.state === 'cancelled' ? (
                    <button type="button" className="button button-small" onClick={() => void showReport(job.id)}>
                      Report of {job.fileName}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
