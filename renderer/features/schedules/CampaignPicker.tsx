import { StatusBadge } from '../../components/StatusBadge';
import { useSchedulesStore } from './schedules-store';

/** Every campaign and its schedule (cron, with its zone and window length beneath); Enter or a click opens it in the editor. */
export function CampaignPicker() {
  const rows = useSchedulesStore((s) => s.rows);
  const selectedId = useSchedulesStore((s) => s.selectedId);
  const select = useSchedulesStore((s) => s.select);
  // A tenant without schedules (the Admin API) has no zone, cron, window or allocation to show: only the campaign and its status.
  const scheduled = useSchedulesStore((s) => s.error?.kind !== 'not_available');
  return (
    <div className="table-scroll sch-picker" role="region" aria-label="Campaigns">
      <table className="table">
        <caption className="sr-only">Campaigns and their schedules</caption>
        <thead>
          <tr>
            <th scope="col">Campaign</th>
            <th scope="col">Status</th>
            {scheduled ? (
              <>
                <th scope="col">Schedule</th>
                <th scope="col" className="num">
                  Agents
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-campaign-id={row.id}
              tabIndex={0}
              aria-selected={row.id === selectedId}
              className={row.id === selectedId ? 'row-selected' : undefined}
              onClick={() => void select(row.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  void select(row.id);
                } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                  event.preventDefault();
                  const next = (
                    event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling
                  ) as HTMLElement | null;
                  next?.focus();
                }
              }}
            >
              <td className="sch-name">
                {row.name}
                <span className="muted sch-id">{row.id}</span>
              </td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              {scheduled ? (
                <>
                  <td title={row.description}>
                    <span className="sch-cron">{row.cronExpression ?? 'No schedule'}</span>
                    {row.timezone !== null ? (
                      <span className="muted sch-id">
                        {row.timezone}
                        {row.windowMinutes === null ? '' : ` · ${row.windowMinutes} min`}
                      </span>
                    ) : null}
                  </td>
                  <td className="num">{row.agentAllocation}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
