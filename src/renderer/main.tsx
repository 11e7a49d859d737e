import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DataProvider } from './api/queries';
import { App } from './app/App';
import { applyStoredThemeMode } from './features/settings/themeMode';
import { FailureNotice } from './ui/FailureNotice';
import './styles/app.css';

applyStoredThemeMode();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider>
      <App />
      <FailureNotice />
    </DataProvider>
  </StrictMode>,
);
