// A station host with nothing but what a test gives it — no configuration, no platform, no card
// reader, a printer that answers /x.pdf — for the tests of one service's channels (the journal, the
// operators, the watched bill folder).
import {
  createStationHost,
  type StationHost,
  type StationHostDeps,
} from '../../electron/services/station-host';

export function bareStationHost(deps: Pick<StationHostDeps, 'log'> & Partial<StationHostDeps>): StationHost {
  return createStationHost({
    app: { name: 'test', version: '0', mode: 'browser', os: 'test' },
    configView: () => {
      throw new Error('no configuration in a bare host');
    },
    platform: null,
    card: null,
    print: { savePdf: async () => '/x.pdf', dialog: null },
    ...deps,
  });
}
