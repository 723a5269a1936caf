import type { ReferenceCheckItem, ReferenceKind } from '../../../shared/new-campaign/reference-check';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useNewCampaignStore } from './new-campaign-store';

const kindLabel: Record<ReferenceKind, string> = {
  campaignName: 'Campaign name',
  contactList: 'Contact list',
  wrapUpCode: 'Wrap-up code',
  dncList: 'DNC list',
};

const statusBadge: Record<ReferenceCheckItem['status'], { label: string; className: string }> = {
  ok: { label: 'OK', className: 'badge badge-ok' },
  missing: { label: 'Missing', className: 'badge badge-danger' },
  inactive: { label: 'Inactive', className: 'badge badge-danger' },
  duplicate: { label: 'Name taken', className: 'badge badge-danger' },
  unchecked: { label: 'Not checked', className: 'badge badge-warn' },
};

/** Step 2: every reference of the definition, checked against the tenant before anything is created. */
export function ReferencesStep() {
  const check = useNewCampaignStore((s) => s.referenceCheck);
  const checking = useNewCampaignStore((s) => s.checking);
  const checkError = useNewCampaignStore((s) => s.checkError);
  const checkReferences = useNewCampaignStore((s) => s.checkReferences);
  const fix = useNewCampaignStore((s) => s.fix);
  const next = useNewCampaignStore((s) => s.next);
  const goTo = useNewCampaignStore((s) => s.goTo);
  const failures = check?.items.filter((item) => item.status !== 'ok') ?? [];

  return (
    <section className="nc-step" aria-labelledby="nc-references-title">
      <h2 id="nc-references-title">Check references</h2>
      <p className="muted">The contact list must exist, every wrap-up code must exist, the DNC list must be ACTIVE and the name must not be taken.</p>
      <ErrorNotice error={checkError} title="The check could not run" />
      {checking ? (
        <p role="status" className="muted">
          Checking references against the tenant…
        </p>
      ) : null}
      {check && !checking ? (
        <div role="status" className={check.passed ? 'notice notice-info' : 'notice notice-danger'}>
          {check.passed
            ? `All ${check.items.length} references are usable.`
            : `${failures.length} of ${check.items.length} references need fixing before the campaign can be created.`}
        </div>
      ) : null}
      {check ? (
        <table className="table nc-reference-table">
          <caption className="sr-only">Reference check results</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Id</th>
              <th scope="col">Tenant name</th>
              <th scope="col">Result</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {check.items.map((item, index) => (
              <tr key={`${item.kind}-${item.reference}-${index}`} className={item.status === 'ok' ? undefined : 'row-danger'}>
                <td>{kindLabel[item.kind]}</td>
                <td className="mono">{item.reference}</td>
                <td>{item.name ?? '—'}</td>
                <td>
                  <span className={statusBadge[item.status].className}>{statusBadge[item.status].label}</span>
                </td>
                <td>{item.message}</td>
                <td>
                  {item.status === 'ok' ? null : (
                    <button type="button" className="button button-small" onClick={() => fix(item.field)}>
                      Fix
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="actions">
        <button type="button" className="button" onClick={() => goTo('definition')}>
          Back
        </button>
        <button type="button" className="button" disabled={checking} onClick={() => void checkReferences()}>
          Check again
        </button>
        <button type="button" className="button button-primary" disabled={!check?.passed || checking} onClick={next}>
          Next: simulate
        </button>
      </div>
    </section>
  );
}
