import { useMemo, useState } from 'react';
import { describeCron } from '../../../shared/schedules/cron';
import { editOf, useSchedulesStore } from './schedules-store';

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
};

/** Zone, cron, window, retry policy and blackout dates of the selected campaign's schedule. */
export function ScheduleEditor() {
  const draft = useSchedulesStore((s) => s.draft);
  const edit = useSchedulesStore((s) => s.edit);
  const runCheck = useSchedulesStore((s) => s.runCheck);
  const checking = useSchedulesStore((s) => s.checking);
  const draftProblem = useSchedulesStore((s) => s.draftProblem);
  const [blackout, setBlackout] = useState('');
  const zoneList = useMemo(zones, []);
  if (!draft) return null;
  const sent = editOf(draft);
  const reading = sent.ok ? describeCron(sent.edit.cronExpression) : '';
  return (
    <form
      className="panel sch-editor"
      aria-label="Schedule"
      onSubmit={(event) => {
        event.preventDefault();
        void runCheck();
      }}
    >
      <div className="sch-fields">
        <label>
          Time zone
          <input list="sch-zones" value={draft.timezone} onChange={(e) => edit({ timezone: e.target.value })} name="timezone" />
          <datalist id="sch-zones">
            {zoneList.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </label>
        <label>
          Cron (5 fields)
          <input value={draft.cronExpression} onChange={(e) => edit({ cronExpression: e.target.value })} name="cron" spellCheck={false} />
        </label>
        <label>
          Window start
          <input value={draft.windowStart} onChange={(e) => edit({ windowStart: e.target.value })} name="windowStart" placeholder="HH:mm" />
        </label>
        <label>
          Window end
          <input value={draft.windowEnd} onChange={(e) => edit({ windowEnd: e.target.value })} name="windowEnd" placeholder="HH:mm" />
        </label>
      </div>
      <p className="sch-reading" aria-live="polite">
        {reading ? (
          <>
            Opens <strong>{reading.charAt(0).toLowerCase() + reading.slice(1)}</strong> in {draft.timezone} until {draft.windowEnd}
          </>
        ) : null}
      </p>
      <fieldset className="sch-fields">
        <legend>Retry policy</legend>
        <label>
          Max attempts
          <input className="num" value={draft.maxAttempts} onChange={(e) => edit({ maxAttempts: e.target.value })} name="maxAttempts" inputMode="numeric" />
        </label>
        <label>
          Interval (minutes)
          <input
            className="num"
            value={draft.retryIntervalMinutes}
            onChange={(e) => edit({ retryIntervalMinutes: e.target.value })}
            name="retryInterval"
            inputMode="decimal"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.retryOnBusy} onChange={(e) => edit({ retryOnBusy: e.target.checked })} /> Retry on busy
        </label>
        <label className="check">
          <input type="checkbox" checked={draft.retryOnNoAnswer} onChange={(e) => edit({ retryOnNoAnswer: e.target.checked })} /> Retry on no answer
        </label>
      </fieldset>
      <fieldset className="sch-fields">
        <legend>Blackout dates (no dialing)</legend>
        <label>
          Date
          <input type="date" value={blackout} onChange={(e) => setBlackout(e.target.value)} name="blackoutDate" />
        </label>
        <button
          type="button"
          className="button button-small"
          disabled={!blackout || draft.blackoutDates.includes(blackout)}
          onClick={() => {
            edit({ blackoutDates: [...draft.blackoutDates, blackout].sort() });
            setBlackout('');
          }}
        >
          Add date
        </button>
        <ul className="sch-dates" aria-label="Blackout dates">
          {draft.blackoutDates.map((date) => (
            <li key={date}>
              {date}{' '}
              <button
                type="button"
                className="button button-small"
                aria-label={`Remove ${date}`}
                onClick={() => edit({ blackoutDates: draft.blackoutDates.filter((d) => d !== date) })}
              >
                ×
              </button>
            </li>
          ))}
          {draft.blackoutDates.length === 0 ? <li className="muted">None</li> : null}
        </ul>
      </fieldset>
      {draftProblem ? (
        <p className="notice notice-warn" role="alert">
          {draftProblem}
        </p>
      ) : null}
      <div className="sch-actions">
        <button type="submit" className="button button-primary" disabled={checking}>
          {checking ? 'Checking…' : 'Check compliance'}
        </button>
      </div>
    </form>
  );
}
