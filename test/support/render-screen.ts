// Renders a screen component the way the shell does: inside the test station's context (and, for
// renderRouted, a router, so a screen's links and route changes work in component tests).
import { render } from '@testing-library/react';
import { createElement, type ComponentType, type ReactNode } from 'react';
import { RouterContext, type Router } from '../../renderer/navigation';
import { StationContext, type Station } from '../../renderer/station';

/** A component inside the test station's context, as the shell gives it to every screen. */
export function renderInStation(station: Station, node: ReactNode): void {
  render(createElement(StationContext.Provider, { value: station }, node));
}

export function renderRouted(station: Station, router: Router, Routed: ComponentType): void {
  renderInStation(station, createElement(RouterContext.Provider, { value: router }, createElement(Routed)));
}
