import { useEffect, useRef, useState } from 'react';
import type { BatchCellProblem } from '../../../shared/dispositions/import-batch';
import { describeError } from '../../../shared/errors';
import { useDispositionsStore } from './dispositions-store';

interface EditableCellProps {
  line: number;
  field: string;
  label: string;
  value: string;
  problems: readonly BatchCellProblem[];
  editable: boolean;
}

/** A cell of the batch grid: shows its problem, and edits in place (Enter saves, Escape cancels). */
export function EditableCell({ line, field, label, value, problems, editable }: EditableCellProps) {
  const editCell = useDispositionsStore((s) => s.editCell);
  const [draft, setDraft] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back on the cell after Enter or Escape, so the keyboard user keeps their place in the grid.
  useEffect(() => {
    if (draft === null && wasEditing.current) button.current?.focus();
    wasEditing.current = draft !== null;
  }, [draft]);
  const invalid = problems.length > 0;
  const message = problems.map((problem) => problem.message).join('; ');
  const describedBy = invalid ? `problem-${line}-${field}` : undefined;

  const save = async () => {
    if (draft === null) return;
    if (draft === value) {
      setDraft(null);
      return;
    }
    const error = await editCell(line, field, draft);
    if (error) setSaveError(describeError(error));
    else {
      setDraft(null);
      setSaveError(null);
    }
  };

  if (draft !== null) {
    return (
      <div role="cell" className="dispo-cell dispo-cell-editing">
        <input
          aria-label={`${label}, line ${line}`}
          autoFocus
          value={draft}
          aria-invalid={saveError !== null}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') {
              setDraft(null);
              setSaveError(null);
            }
          }}
        />
        {saveError ? <span className="field-error">{saveError}</span> : null}
      </div>
    );
  }
  return (
    <div role="cell" className={invalid ? 'dispo-cell dispo-cell-invalid' : 'dispo-cell'} title={invalid ? message : value}>
      {editable ? (
        <button
          ref={button}
          type="button"
          className="dispo-cell-button"
          aria-label={`${label}, line ${line}: ${value === '' ? 'empty' : value}${invalid ? ` — ${message}` : ''}. Edit`}
          onClick={() => setDraft(value)}
        >
          {invalid ? <span aria-hidden="true" className="dispo-cell-mark">!</span> : null}
          {value === '' ? <span className="muted">empty</span> : value}
        </button>
      ) : (
        <span>{value}</span>
      )}
      {invalid ? (
        <span id={describedBy} className="sr-only">
          {message}
        </span>
      ) : null}
    </div>
  );
}
