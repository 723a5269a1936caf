import { PlaceholderScreen } from '../../components/PlaceholderScreen';

export function SchedulesScreen() {
  return <PlaceholderScreen title="Schedules" issue={7} summary="Calling-hour schedules per time zone with cron, retry policy and DNC compliance checks." />;
}
