import type { Schedule } from '../../../shared/cxone/schemas';
import { intervalText } from '../../../shared/schedules/attempt-limit';
import { useSchedulesStore, type ApplyResult } from './schedules-store';

const ruleLabels: Record<string, string> = {
  FEDERAL_HOURS: 'Federal hours',
  STATE_HOURS: 'State hours',
  STATE_SUNDAY: 'State Sunday ban',
  STATE_HOLIDAY: 'State holiday ban',
  STATE_CALLS_PER_24H: 'Calls per 24 h',
  DNC_RULE: 'DNC rule missing',
  DNC_LIST: 'DNC list',
};

const scheduleLine = (schedule: Schedule | null) =>
  schedule
    ? `${schedule.cronExpression} in ${schedule.timezone}, ${schedule.windowMinutes ?? 480} min, up to ${schedule.retryPolicy.maxAttempts} attempt(s) ${intervalText(schedule.retryPolicy.retryIntervalMs)} apart`
    : 'No schedule';

/** The compliance verdict for the checked draft, the lead's Block / Clip choice, and Apply once the gate passes. */
export function VerdictPanel() {
  const check = useSchedulesStore((s) => s.check);
  const draft = useSchedulesStore((s) => s.draft);
  const checkedDraft = useSchedulesStore((s) => s.checkedDraft);
  const applying = useSchedulesStore((s) => s.applying);
  const applied = useSchedulesStore((s) => s.applied);
  const apply = useSchedulesStore((s) => s.apply);
  const runCheck = useSchedulesStore((s) => s.runCheck);
  if (!check) return applied ? <ApplyOutcome result={applied} /> : null;
  if (!check.ok) {
    return (
      <section className="panel" aria-labelledby="sch-verdict">
        <h2 id="sch-verdict">The schedule is not valid</h2>
        <ul>
          {check.problems.map((problem) => (
            <li key={problem.field}>
              <strong>{problem.field}</strong>: {problem.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const { verdict } = check;
  const stale = checkedDraft !== draft;
  const clippable = verdict.violations.length > 0 && verdict.violations.every((v) => v.rule !== 'DNC_RULE' && v.rule !== 'DNC_LIST');
  return (
    <section className="panel" aria-labelledby="sch-verdict">
      <h2 id="sch-verdict">
        Compliance{' '}
        {verdict.compliant ? (
          <span className="badge badge-ok">Passes</span>
        ) : (
          <span className="badge badge-danger">{verdict.violations.length} violation(s)</span>
        )}
      </h2>
      <p className="muted">
        {verdict.windows.length} window(s) over 14 days checked against every contact's local time.
        {verdict.unknownTimezoneContacts > 0 ? ` ${verdict.unknownTimezoneContacts} contact(s) have no known time zone.` : ''}
      </p>
      {verdict.violations.length > 0 ? (
        <div className="table-scroll sch-verdict-scroll" tabIndex={0} role="region" aria-label="Violations">
          <table className="table sch-verdict">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Zone</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Contacts
                </th>
                <th scope="col">Local start–end</th>
                <th scope="col">First date</th>
              </tr>
            </thead>
            <tbody>
              {verdict.violations.map((v, index) => (
                <tr key={`${v.rule}-${v.timezone}-${v.state}-${v.localStart}-${index}`} title={v.message}>
                  <td>
                    <span className="badge badge-danger">{ruleLabels[v.rule] ?? v.rule}</span>
                  </td>
                  <td>{v.timezone ?? '—'}</td>
                  <td>{v.state ?? '—'}</td>
                  <td className="num">{v.contacts}</td>
                  <td>{v.localStart ? `${v.localStart}–${v.localEnd}` : '—'}</td>
                  <td>{v.firstDate ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!verdict.compliant && verdict.clip.some((p) => p.localStart !== null) ? (
        <p className="muted">
          Widest compliant window per zone:{' '}
          {verdict.clip
            .filter((p) => p.localStart !== null)
            .map((p) => `${p.timezone} ${p.localStart}–${p.localEnd}`)
            .join(' · ')}
        </p>
      ) : null}
      {verdict.retryClip ? (
        <p className="notice notice-warn" data-testid="sch-retry-clip">
          The retry policy can call one contact {verdict.retryClip.worstAttempts} times within 24 h; the strictest state here allows {verdict.retryClip.limit}.
          Clipping keeps every attempt and retries no sooner than every {intervalText(verdict.retryClip.retryIntervalMs)}; or set max attempts to{' '}
          {verdict.retryClip.maxAttempts} yourself.
        </p>
      ) : null}
      <div className="sch-actions">
        {stale ? (
          <button type="button" className="button" onClick={() => void runCheck()}>
            Edited since the check: check again
          </button>
        ) : verdict.compliant ? (
          <button type="button" className="button button-primary" disabled={applying} onClick={() => void apply({ clip: false })}>
            {applying ? 'Applying…' : 'Apply schedule'}
          </button>
        ) : (
          <>
            <span className="badge badge-danger">Blocked: not applied</span>
            <button type="button" className="button button-primary" disabled={applying || !clippable} onClick={() => void apply({ clip: true })}>
              {applying
                ? 'Applying…'
                : verdict.retryClip && verdict.violations.every((v) => v.rule === 'STATE_CALLS_PER_24H')
                  ? 'Spread the retries and apply'
                  : 'Clip to the widest compliant window and apply'}
            </button>
            <button type="button" className="button" disabled>
              Apply schedule
            </button>
          </>
        )}
      </div>
      {applied ? <ApplyOutcome result={applied} /> : null}
    </section>
  );
}

function ApplyOutcome({ result }: { result: ApplyResult }) {
  const apply = useSchedulesStore((s) => s.apply);
  const select = useSchedulesStore((s) => s.select);
  const selectedId = useSchedulesStore((s) => s.selectedId);
  const activation = useSchedulesStore((s) => s.activation);
  switch (result.kind) {
    case 'applied':
      return (
        <div className="notice notice-info" role="status">
          Applied{result.clipped ? ' (clipped)' : ''}: {scheduleLine(result.after)} — stored as version {result.campaign.version}.
          {activation ? (
            <p>
              Activation:{' '}
              <span
                className={`badge badge-${activation.status === 'running' ? 'ok' : activation.status === 'failed' || activation.status === 'timed_out' ? 'danger' : 'info'}`}
              >
                {activation.status.replace('_', ' ')}
              </span>{' '}
              {activation.latencyMs !== null ? `after ${activation.latencyMs} ms. ` : ''}
              {activation.message}
            </p>
          ) : null}
          {result.notification ? <p>WFM: {result.notification.message}</p> : null}
        </div>
      );
    case 'schedule_changed':
      return (
        <div className="notice notice-warn" role="alert">
          <p>Someone changed this campaign's schedule while you edited it (now version {result.version}). Nothing was written. Choose one:</p>
          <table className="table sch-sides">
            <thead>
              <tr>
                <th scope="col">Theirs (stored)</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{scheduleLine(result.theirs)}</td>
                <td>{scheduleLine(result.ours)}</td>
              </tr>
            </tbody>
          </table>
          <div className="sch-actions">
            <button type="button" className="button" onClick={() => selectedId && void select(selectedId)}>
              Keep theirs
            </button>
            <button type="button" className="button button-primary" onClick={() => void apply({ clip: true, over: result.theirs })}>
              Apply mine over theirs
            </button>
          </div>
        </div>
      );
    case 'blocked':
      return (
        <div className="notice notice-danger" role="alert">
          Not applied: the schedule still breaks a rule
          {result.clip ? ` after clipping (${result.clip.windowsLeftOutside} window(s) left outside the rules)` : ''}.
        </div>
      );
    case 'invalid':
      return (
        <div className="notice notice-danger" role="alert">
          {result.problems.map((p) => `${p.field}: ${p.message}`).join(' ')}
        </div>
      );
    case 'dry_run':
      return <div className="notice">Dry run: would store {scheduleLine(result.after)}.</div>;
  }
}
