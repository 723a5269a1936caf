import { wallTimeSpan } from './schedule-format';
import { useSchedulesStore } from './schedules-store';

/** The next 10 windows, in the campaign's zone and in the lead's own: the checked draft's, else the stored schedule's. */
export function NextWindows() {
  const check = useSchedulesStore((s) => s.check);
  const view = useSchedulesStore((s) => s.view);
  const draft = useSchedulesStore((s) => s.draft);
  const viewerZone = useSchedulesStore((s) => s.viewerZone);
  const windows = check?.ok ? check.nextWindows : (view?.nextWindows ?? []);
  const zone = check?.ok ? draft?.timezone : view?.schedule?.timezone;
  return (
    <section className="panel" aria-labelledby="sch-next" tabIndex={0}>
      <h2 id="sch-next">Next {windows.length} windows</h2>
      {windows.length === 0 ? (
        <p className="muted">No window opens.</p>
      ) : (
        <table className="table sch-windows">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">In {zone}</th>
              <th scope="col">For you ({viewerZone})</th>
            </tr>
          </thead>
          <tbody>
            {windows.map((window, index) => (
              <tr key={window.startMs}>
                <td className="num">{index + 1}</td>
                <td>{wallTimeSpan(window.start, window.end)}</td>
                <td>{wallTimeSpan(window.viewerStart, window.viewerEnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
