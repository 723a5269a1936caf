import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createConsoleApi } from './api';
import { App } from './app/App';
import { createStores } from './app/stores';
import { StoresProvider } from './app/StoresProvider';
import { detectTransport } from './transport/detect-transport';

// The composition root: one transport, one API over it, one instance of each store.
const stores = createStores(createConsoleApi(detectTransport()));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoresProvider stores={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
}
