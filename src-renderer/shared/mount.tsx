// Starts a page: its root component into index.html's #root, in React's strict mode.
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';

export function mount(App: ComponentType): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
