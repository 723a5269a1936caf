import type { BatchOverview } from '../../../shared/dispositions/import-batch';
import { useDispositionsStore } from './dispositions-store';

/** Which header feeds which field; suggested from the headers, confirmed or fixed here. */
export function MappingPanel({ overview, disabled }: { overview: BatchOverview; disabled: boolean }) {
  const setMapping = useDispositionsStore((s) => s.setMapping);
  return (
    <fieldset className="panel dispo-mapping" disabled={disabled}>
      <legend>Column mapping</legend>
      <div className="dispo-mapping-grid">
        {overview.fields.map((field) => {
          const id = `map-${field.name}`;
          const missing = field.required && !overview.mapping[field.name];
          return (
            <div className="field" key={field.name}>
              <label htmlFor={id}>
                {field.label}
                {field.required ? ' (required)' : ''}
              </label>
              <select
                id={id}
                value={overview.mapping[field.name] ?? ''}
                aria-invalid={missing}
                onChange={(e) => void setMapping(field.name, e.target.value === '' ? null : e.target.value)}
              >
                <option value="">— not in file —</option>
                {overview.headers.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </select>
              {missing ? <span className="field-error">Required: choose the column that holds it.</span> : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
