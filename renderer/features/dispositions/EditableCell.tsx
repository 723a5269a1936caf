import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
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

/** Line breaks inside a value, shown as a visible mark so a one-line grid row still tells them apart from spaces. */
const shownInline = (value: string) => value.replace(/\r\n|\n|\r/g, (lineBreak) => (lineBreak === '\r' ? '␍' : '↵'));

/**
 * A textarea hands back every line break as LF; a value the file wrote with CRLF keeps CRLF
 * after an edit, so editing one word of a note does not rewrite its line endings.
 */
const withLineBreaksOf = (original: string, edited: string) => (original.includes('\r\n') ? edited.replace(/\r?\n/g, '\r\n') : edited);

/** A cell of the batch grid: shows its problem, and edits in place (Enter saves, Shift+Enter adds a line break, Escape cancels). */
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
    const error = await editCell(line, field, withLineBreaksOf(value, draft));
    if (error) setSaveError(describeError(error));
    else {
      setDraft(null);
      setSaveError(null);
    }
  };

  if (draft !== null) {
    const editorProps = {
      'aria-label': `${label}, line ${line}`,
      autoFocus: true,
      value: draft,
      'aria-invalid': saveError !== null,
      onBlur: () => void save(),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          void save();
        }
        if (e.key === 'Escape') {
          setDraft(null);
          setSaveError(null);
        }
      },
    };
    // An <input> drops line breaks from its value: a value that has them is edited in a textarea.
    const multiline = /[\r\n]/.test(value) || /[\r\n]/.test(draft);
    return (
      <div role="cell" className="dispo-cell dispo-cell-editing">
        {multiline ? (
          <textarea {...editorProps} rows={3} onChange={(e) => setDraft(e.target.value)} />
        ) : (
          <input {...editorProps} onChange={(e) => setDraft(e.target.value)} />
        )}
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
          {invalid ? (
            <span aria-hidden="true" className="dispo-cell-mark">
              !
            </span>
          ) : null}
          {value === '' ? <span className="muted">empty</span> : shownInline(value)}
        </button>
      ) : (
        <span>{shownInline(value)}</span>
      )}
      {invalid ? (
        <span id={describedBy} className="sr-only">
          {message}
        </span>
      ) : null}
    </div>
  );
}
