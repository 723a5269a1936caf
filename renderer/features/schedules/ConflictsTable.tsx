import { wallTimeSpan } from './schedule-format';
import { useSchedulesStore } from './schedules-store';

const reasonLabels = { SHARED_CONTACT_LIST: 'Same contact list', SHARED_AGENTS: 'Same agents' } as const;

/** Campaign pairs whose windows overlap in absolute time while they share people or agents. */
export function ConflictsTable() {
  const conflicts = useSchedulesStore((s) => s.conflicts);
  if (!conflicts) return null;
  return (
    <section className="panel" aria-labelledby="sch-conflicts">
      <h2 id="sch-conflicts">
        Conflicts, next 14 days{' '}
        <span className={`badge badge-${conflicts.length === 0 ? 'ok' : 'warn'}`}>{conflicts.length === 0 ? 'None' : conflicts.length}</span>
      </h2>
      {conflicts.length > 0 ? (
        <div className="table-scroll sch-conflicts" tabIndex={0} role="region" aria-label="Conflicts">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Conflicts with</th>
                <th scope="col">Why</th>
                <th scope="col" className="num">
                  Overlaps
                </th>
                <th scope="col">First overlap, in each campaign's zone</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((conflict) => {
                const first = conflict.overlaps[0];
                return (
                  <tr key={`${conflict.first.id}-${conflict.second.id}`}>
                    <td>{conflict.first.name}</td>
                    <td>{conflict.second.name}</td>
                    <td>
                      {conflict.reasons.map((reason) => (
                        <span key={reason} className="badge badge-warn">
                          {reasonLabels[reason]}
                          {reason === 'SHARED_AGENTS' ? ` (${conflict.sharedAgents})` : ''}
                        </span>
                      ))}
                    </td>
                    <td className="num">{conflict.overlaps.length}</td>
                    <td className="sch-overlap">
                      {first
                        ? [first.first, first.second].map((side, index) => (
                            <span key={index} className="sch-overlap-side">
                              {wallTimeSpan(side.localStart, side.localEnd)} <span className="muted">{side.timezone}</span>
                            </span>
                          ))
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
