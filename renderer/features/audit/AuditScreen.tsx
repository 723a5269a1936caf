import { PlaceholderScreen } from '../../components/PlaceholderScreen';

export function AuditScreen() {
  return (
    <PlaceholderScreen
      title="Audit log"
      issue={4}
      summary="The tamper-evident record of every action, with filters, search and CSV export."
    />
  );
}
