import { useEffect, useState } from 'react';
import { outcomeCodePattern } from '../../../shared/cxone/schemas';
import type { OutcomeDispositionMapping, OutcomeDispositionView } from '../../../shared/tenant/outcome-disposition-mapping';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSettingsStore } from './settings-store';

interface Row {
  key: number;
  code: string;
  dispositionId: string;
}

const rowsOf = (mapping: OutcomeDispositionMapping): Row[] => Object.entries(mapping).map(([code, dispositionId], key) => ({ key, code, dispositionId }));

/** A message per row the lead must fix before saving (empty: none), naming the code. */
function rowProblems(rows: readonly Row[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    const code = row.code.trim();
    if (!outcomeCodePattern.test(code)) problems.set(row.key, `Outcome code "${code}" must be 3–20 capital letters or underscores.`);
    else if (seen.has(code)) problems.set(row.key, `Outcome ${code} is listed twice; keep one row.`);
    else if (row.dispositionId === '') problems.set(row.key, `Choose a disposition for outcome ${code}.`);
    seen.add(code);
  }
  return problems;
}

function MappingRows({ view }: { view: OutcomeDispositionView }) {
  const { saving, saved, error } = useSettingsStore((s) => s.outcomeMapping.save);
  const saveOutcomeMapping = useSettingsStore((s) => s.saveOutcomeMapping);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(view.saved ?? view.proposed));
  const [checked, setChecked] = useState(false);
  useEffect(() => setRows(rowsOf(view.saved ?? view.proposed)), [view]);
  const problems = rowProblems(rows);
  const known = new Set(view.dispositions.map((d) => d.id));
  const change = (key: number, patch: Partial<Row>) => setRows(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  const save = () => {
    setChecked(true);
    if (problems.size > 0) return;
    void saveOutcomeMapping(Object.fromEntries(rows.map((row) => [row.code.trim(), row.dispositionId])));
  };
  return (
    <>
      <p className="muted" id="outcome-mapping-hint">
        {view.saved
          ? 'Disposition imports use this mapping; an outcome code it does not list is matched to a disposition by name.'
          : 'Not saved yet: imports match outcome codes to dispositions by name. Proposed below from the tenant’s disposition names.'}
      </p>
      {view.problems.length > 0 ? (
        <div className="notice notice-danger" role="alert">
          <strong>The saved mapping names dispositions this tenant does not have: </strong>
          {view.problems.join(' ')}
        </div>
      ) : null}
      <table className="table outcome-mapping" aria-label="Outcome code to disposition">
        <thead>
          <tr>
            <th scope="col">Outcome code</th>
            <th scope="col">Disposition</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const problem = checked ? problems.get(row.key) : undefined;
            const label = row.code.trim() || 'new row';
            return (
              <tr key={row.key}>
                <td>
                  <input
                    className="mono"
                    aria-label={`Outcome code of ${label}`}
                    value={row.code}
                    onChange={(event) => change(row.key, { code: event.target.value.toUpperCase() })}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `outcome-row-${row.key}-error` : undefined}
                  />
                  {problem ? (
                    <span className="field-error" id={`outcome-row-${row.key}-error`}>
                      {problem}
                    </span>
                  ) : null}
                </td>
                <td>
                  <select
                    aria-label={`Disposition for ${label}`}
                    value={row.dispositionId}
                    onChange={(event) => change(row.key, { dispositionId: event.target.value })}
                  >
                    <option value="">Choose…</option>
                    {row.dispositionId !== '' && !known.has(row.dispositionId) ? (
                      <option value={row.dispositionId}>disposition {row.dispositionId} (not on this tenant)</option>
                    ) : null}
                    {view.dispositions.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Remove ${label}`}
                    onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorNotice error={error} title="Mapping not saved" />
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => setRows([...rows, { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, code: '', dispositionId: '' }])}
        >
          Add outcome code
        </button>
        <button type="button" className="button button-primary" disabled={saving} onClick={save}>
          Save mapping
        </button>
        {view.saved ? (
          <button type="button" className="button" disabled={saving} onClick={() => void saveOutcomeMapping(null)}>
            Match by name again
          </button>
        ) : null}
        {saved ? (
          <span className="status status-ok" role="status">
            {view.saved ? 'Mapping saved' : 'Matching by name again'}
          </span>
        ) : null}
      </div>
    </>
  );
}

/** The Admin API tenant's outcome → disposition mapping the disposition import uses, kept with the tenant profile. */
export function OutcomeMappingEditor() {
  const { view, loading } = useSettingsStore((s) => s.outcomeMapping);
  const loadError = useSettingsStore((s) => (s.outcomeMapping.view ? null : s.outcomeMapping.save.error));
  const loadOutcomeMapping = useSettingsStore((s) => s.loadOutcomeMapping);
  useEffect(() => void loadOutcomeMapping(), [loadOutcomeMapping]);
  return (
    <section className="admin-api-section" aria-labelledby="outcome-mapping-title">
      <h3 id="outcome-mapping-title" className="nc-h3">
        Outcome codes → dispositions
      </h3>
      {view ? (
        <MappingRows view={view} />
      ) : loadError ? (
        <ErrorNotice error={loadError} title="Could not read the tenant's dispositions" />
      ) : loading ? (
        'Reading the tenant’s dispositions…'
      ) : null}
    </section>
  );
}
