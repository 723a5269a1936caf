import { Area, CartesianGrid, ComposedChart, Legend, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { dayLabel, shortTime } from './schedule-format';
import { useSchedulesStore } from './schedules-store';

/** The first few campaigns of a stretch by name, and how many more. */
function campaignNames(ids: readonly string[], timeline: { campaigns: { id: string; name: string }[] }): string {
  const names = ids.slice(0, 4).map((id) => timeline.campaigns.find((c) => c.id === id)?.name ?? id);
  return ids.length > 4 ? `${names.join(', ')} and ${ids.length - 4} more` : names.join(', ');
}

/** Agents needed by the open windows against agents skilled for them, over the coming days; overloaded stretches shaded red. */
export function StaffingChart() {
  const timeline = useSchedulesStore((s) => s.timeline);
  const viewerZone = useSchedulesStore((s) => s.viewerZone);
  if (!timeline) return null;
  const points = timeline.demand.map((step) => ({ atMs: step.atMs, needed: step.needed, available: step.available }));
  const ticks: number[] = [];
  for (const day = new Date(timeline.fromMs); day.getTime() < timeline.toMs; day.setDate(day.getDate() + 1)) {
    day.setHours(0, 0, 0, 0);
    if (day.getTime() >= timeline.fromMs) ticks.push(day.getTime());
  }
  const hours = timeline.overloaded.reduce((sum, stretch) => sum + (stretch.endMs - stretch.startMs) / 3600_000, 0);
  return (
    <figure className="panel sch-figure" aria-labelledby="sch-timeline">
      <figcaption id="sch-timeline">
        <strong>Agents needed vs agents skilled</strong>, next {Math.round((timeline.toMs - timeline.fromMs) / 86_400_000)} days ({viewerZone}) ·{' '}
        {timeline.overloaded.length === 0 ? (
          <span className="badge badge-ok">No overload</span>
        ) : (
          <span className="badge badge-danger">
            Overloaded: {timeline.overloaded.length} stretch(es), {hours.toFixed(1)} h
          </span>
        )}
      </figcaption>
      <div className="sch-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e3e7ed" />
            <XAxis
              dataKey="atMs"
              type="number"
              scale="time"
              domain={[timeline.fromMs, timeline.toMs]}
              ticks={ticks}
              tickFormatter={(ms: number) => dayLabel(ms, viewerZone)}
              minTickGap={16}
            />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip labelFormatter={(ms) => shortTime(Number(ms), viewerZone)} />
            {timeline.overloaded.map((stretch) => (
              <ReferenceArea
                key={stretch.startMs}
                x1={stretch.startMs}
                x2={stretch.endMs}
                fill="#b3261e"
                fillOpacity={0.25}
                stroke="#b3261e"
                strokeOpacity={0.6}
              />
            ))}
            <Area type="stepAfter" dataKey="available" name="agents skilled" stroke="#2e7d32" fill="#2e7d32" fillOpacity={0.12} isAnimationActive={false} />
            <Area type="stepAfter" dataKey="needed" name="agents needed" stroke="#1f5fbf" fill="#1f5fbf" fillOpacity={0.25} isAnimationActive={false} />
            <Legend />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {timeline.overloaded.length > 0 ? (
        <div className="table-scroll sch-overloads" tabIndex={0} role="region" aria-label="Overloaded stretches">
          <table className="table">
            <caption className="sr-only">Overloaded stretches</caption>
            <thead>
              <tr>
                <th scope="col">From (you)</th>
                <th scope="col">To</th>
                <th scope="col" className="num">
                  Needed
                </th>
                <th scope="col" className="num">
                  Skilled
                </th>
                <th scope="col">Campaigns open</th>
              </tr>
            </thead>
            <tbody>
              {timeline.overloaded.slice(0, 20).map((stretch) => (
                <tr key={stretch.startMs}>
                  <td>{shortTime(stretch.startMs, viewerZone)}</td>
                  <td>{shortTime(stretch.endMs, viewerZone)}</td>
                  <td className="num">{stretch.needed}</td>
                  <td className="num">{stretch.available}</td>
                  <td>{campaignNames(stretch.campaignIds, timeline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  );
}
