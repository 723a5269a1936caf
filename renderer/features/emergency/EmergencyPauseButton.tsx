/** Permanent place for the one-click emergency pause; wired up by the campaign console (issue #4). */
export function EmergencyPauseButton() {
  return (
    <button type="button" className="button button-emergency" disabled title="Emergency pause arrives with issue #4">
      Emergency pause
    </button>
  );
}
