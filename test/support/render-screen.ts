// Renders a screen component the way the shell does: inside the test station's context and a router,
// so a screen's links and route changes work in component tests.
import { render } from '@testing-library/react';
import { createElement, type ComponentType } from 'react';
import { RouterContext, type Router } from '../../renderer/navigation';
import { StationContext, type Station } from '../../renderer/station';

export function renderRouted(station: Station, router: Router, Routed: ComponentType): void {
  render(
    createElement(
      StationContext.Provider,
      { value: station },
      createElement(RouterContext.Provider, { value: router }, createElement(Routed)),
    ),
  );
}
