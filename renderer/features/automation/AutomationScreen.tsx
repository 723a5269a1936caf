import { PlaceholderScreen } from '../../components/PlaceholderScreen';

export function AutomationScreen() {
  return (
    <PlaceholderScreen title="Automation" issue={8} summary="Rules that pause campaigns on severe-weather alerts and tune pacing to live agent availability." />
  );
}
