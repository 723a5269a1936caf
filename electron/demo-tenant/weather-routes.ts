import { answer } from './answers';
import type { DemoWeatherAlert } from './public-types';
import type { Route } from './router';
import { nwsAlertFeed, simpleAlertFeed } from './weather-feed';

/** The demo alerts feed, in both formats of contract §6. It plays an external service: no token is asked for. */
export function weatherRoutes(alerts: () => DemoWeatherAlert[], now: () => number): Route[] {
  return [
    { method: 'GET', pattern: '/demo/alerts/simple', scope: null, handle: () => answer(200, simpleAlertFeed(alerts())) },
    { method: 'GET', pattern: '/demo/alerts/nws', scope: null, handle: () => answer(200, nwsAlertFeed(alerts(), now())) },
  ];
}
