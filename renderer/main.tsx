import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootstrap } from './app/bootstrap';
import { FatalScreen } from './app/FatalScreen';
import { StationContext } from './app/station-context';
import './app/styles.css';

const root = createRoot(document.getElementById('root')!);
bootstrap()
  .then((station) =>
    root.render(
      <StationContext.Provider value={station}>
        <App />
      </StationContext.Provider>,
    ),
  )
  .catch((error: unknown) => root.render(<FatalScreen error={error} />));
