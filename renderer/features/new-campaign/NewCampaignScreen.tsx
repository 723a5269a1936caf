import { PlaceholderScreen } from '../../components/PlaceholderScreen';

export function NewCampaignScreen() {
  return (
    <PlaceholderScreen
      title="New campaign"
      issue={6}
      summary="Design a campaign with validated references and a staffing and pacing simulation before launch."
    />
  );
}
