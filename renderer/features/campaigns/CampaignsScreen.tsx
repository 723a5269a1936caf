import { PlaceholderScreen } from '../../components/PlaceholderScreen';

export function CampaignsScreen() {
  return (
    <PlaceholderScreen
      title="Campaigns"
      issue={4}
      summary="Every outbound campaign of the tenant with live status, pause and resume, and the emergency pause report."
    />
  );
}
