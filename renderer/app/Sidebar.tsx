import { useAppStore } from './app-store';
import { screens } from './screens';

export function Sidebar() {
  const current = useAppStore((state) => state.screen);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <nav className="sidebar" aria-label="Screens">
      <ul>
        {screens.map((screen, index) => (
          <li key={screen.id}>
            <button
              type="button"
              className={screen.id === current ? 'nav-item nav-item-current' : 'nav-item'}
              aria-current={screen.id === current ? 'page' : undefined}
              onClick={() => navigate(screen.id)}
              title={`${screen.label} (Alt+${index + 1})`}
            >
              <span>{screen.label}</span>
              <kbd aria-hidden="true">{index + 1}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
