import { createRoot } from 'react-dom/client';
import { bootstrap } from './app/bootstrap';
import { FatalScreen } from './app/FatalScreen';
import { SCREENS } from './app/screens';
import { Shell } from './app/Shell';
import { hashRouter, RouterContext } from './navigation';
import { StationContext } from './station';
import './app/styles.css';
import './app/styles-close.css';

const root = createRoot(document.getElementById('root')!);
// The router reads the hash only after bootstrap: connectStation takes the agent token out of it first.
bootstrap()
  .then((station) =>
    root.render(
      <StationContext.Provider value={station}>
        <RouterContext.Provider value={hashRouter(window)}>
          <Shell screens={SCREENS} />
        </RouterContext.Provider>
      </StationContext.Provider>,
    ),
  )
  .catch((error: unknown) => root.render(<FatalScreen error={error} />));
