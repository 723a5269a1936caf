import { ErrorNotice } from '../../components/ErrorNotice';
import { describeChainReport } from '../../components/audit-format';
import { useAuditStore } from './audit-store';

/** Export CSV and Verify chain, each reporting its result (or failure) in place. */
export function AuditToolButtons() {
  const exporting = useAuditStore((s) => s.exporting);
  const verifying = useAuditStore((s) => s.verifying);
  const exportCsv = useAuditStore((s) => s.exportCsv);
  const verify = useAuditStore((s) => s.verify);
  return (
    <>
      <button type="button" className="button" disabled={exporting} aria-busy={exporting} onClick={() => void exportCsv()}>
        {exporting ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" className="button" disabled={verifying} aria-busy={verifying} onClick={() => void verify()}>
        {verifying ? 'Verifying…' : 'Verify chain'}
      </button>
    </>
  );
}

export function AuditToolResults() {
  const exported = useAuditStore((s) => s.exported);
  const exportError = useAuditStore((s) => s.exportError);
  const verified = useAuditStore((s) => s.verified);
  const verifyError = useAuditStore((s) => s.verifyError);
  return (
    <>
      <ErrorNotice error={exportError} title="Export failed" />
      <ErrorNotice error={verifyError} title="Could not verify the chain" />
      <div className="audit-results" role="status">
        {exported ? (
          <p>
            {`Exported ${exported.rows} ${exported.rows === 1 ? 'entry' : 'entries'} to ${exported.fileName}`}
            {exported.csv === null ? ' (too large to download here; open it from the data folder)' : ''}
            <span className="muted">{` · saved to ${exported.path}`}</span>
          </p>
        ) : null}
        {verified ? <p className={verified.ok ? 'text-ok' : 'text-danger'}>{describeChainReport(verified)}</p> : null}
      </div>
    </>
  );
}
