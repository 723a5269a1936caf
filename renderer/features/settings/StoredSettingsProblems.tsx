import { useSettingsStore } from './settings-store';

/** Stored settings that are not valid, by name: their values are kept in the file, and defaults used until they are fixed. */
export function StoredSettingsProblems() {
  const problems = useSettingsStore((s) => s.problems);
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-warn" role="alert">
      <strong>Some stored settings are not valid; their defaults are used until they are saved again:</strong>
      <ul>
        {problems.map((problem) => (
          <li key={problem.setting}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
