import { abandonLimit, type SimulationReport } from './simulation-protocol';
import { duration, percent, ratio, whole } from './simulation-format';

/** The headline numbers: staffing (Erlang C) and progressive vs predictive pacing. */
export function SimulationSummaryTables({ report }: { report: SimulationReport }) {
  const { staffing, progressive, predictive } = report;
  const request = report.request;
  const shortStaffed = request.agents < staffing.agentsNeeded;
  const days = (hours: number | null) => (hours === null ? '—' : (hours / request.callingHoursPerDay).toFixed(1));
  return (
    <div className="nc-grid">
      <div className="panel">
        <h3 className="nc-h3">Staffing (Erlang C)</h3>
        <table className="table nc-numbers">
          <caption className="sr-only">Erlang C staffing for the answered calls the dialer may produce</caption>
          <tbody>
            <tr>
              <th scope="row">Answered calls per hour</th>
              <td className="num">{whole(staffing.callsPerHour)}</td>
            </tr>
            <tr>
              <th scope="row">Traffic</th>
              <td className="num">{staffing.trafficErlangs.toFixed(2)} Erlangs</td>
            </tr>
            <tr>
              <th scope="row">Agents needed for {percent(request.serviceLevel, 0)} in {request.targetSeconds} s</th>
              <td className="num">
                <strong>{staffing.agentsNeeded}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">Probability of waiting</th>
              <td className="num">{percent(staffing.probabilityWaiting)}</td>
            </tr>
            <tr>
              <th scope="row">Service level achieved</th>
              <td className="num">{percent(staffing.serviceLevel)}</td>
            </tr>
            <tr>
              <th scope="row">Average speed of answer</th>
              <td className="num">{staffing.asaSeconds.toFixed(1)} s</td>
            </tr>
            <tr>
              <th scope="row">Occupancy</th>
              <td className="num">{percent(staffing.occupancy)}</td>
            </tr>
          </tbody>
        </table>
        {shortStaffed ? (
          <p className="notice notice-warn">
            {request.agents} agents are simulated but Erlang C needs {staffing.agentsNeeded} to answer {percent(request.serviceLevel, 0)} of calls within {request.targetSeconds} s at max calls per hour.
          </p>
        ) : null}
      </div>
      <div className="panel">
        <h3 className="nc-h3">Pacing: progressive vs predictive</h3>
        <table className="table nc-numbers">
          <caption className="sr-only">Progressive and predictive pacing compared</caption>
          <thead>
            <tr>
              <th scope="col">Pacing</th>
              <th scope="col" className="num">Dial ratio</th>
              <th scope="col" className="num">Abandoned</th>
              <th scope="col" className="num">Occupancy</th>
              <th scope="col" className="num">Records / h</th>
              <th scope="col" className="num">List done in</th>
              <th scope="col" className="num">Calling days</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Progressive</th>
              <td className="num">{ratio(progressive.dialRatio)}</td>
              <td className="num">{percent(progressive.abandonRate, 2)}</td>
              <td className="num">{percent(progressive.occupancy)}</td>
              <td className="num">{whole(progressive.contactsPerHour)}</td>
              <td className="num">{duration(progressive.completionHours)}</td>
              <td className="num">{days(progressive.completionHours)}</td>
            </tr>
            <tr className="nc-recommended">
              <th scope="row">Predictive (recommended)</th>
              {predictive ? (
                <>
                  <td className="num">{ratio(predictive.dialRatio)}</td>
                  <td className="num">{percent(predictive.abandonRate, 2)}</td>
                  <td className="num">{percent(predictive.occupancy)}</td>
                  <td className="num">{whole(predictive.contactsPerHour)}</td>
                  <td className="num">{duration(predictive.completionHours)}</td>
                  <td className="num">{days(predictive.completionHours)}</td>
                </>
              ) : (
                <td colSpan={6}>No dial ratio above 1 keeps abandonment under {percent(abandonLimit, 0)}; dial progressively.</td>
              )}
            </tr>
          </tbody>
        </table>
        {report.throughputGain !== null && predictive ? (
          <p className="nc-note">
            Predictive at {ratio(predictive.dialRatio)} works {percent(report.throughputGain, 0)} more records an hour than progressive.
          </p>
        ) : null}
        <p className="muted nc-note">
          Recommended: the highest dial ratio whose predicted abandonment (upper 95% bound) stays under {percent(abandonLimit, 0)} of answered calls ({request.replications} replications, seed {request.seed}; the same seed gives the same numbers).
        </p>
      </div>
    </div>
  );
}
