// The card service as the host's CardPort. With a demo configuration (set by `npm start`) the demo
// tray holds the cards of the same demo world the embedded platform was seeded with, so a card put
// in the tray belongs to a person the platform knows; otherwise the card service's sample cards.
import { demoWorld } from '../../../shared/demo-world';
import { createCardService, type CardConfigInput } from '../card';
import type { StationConfig } from '../config';
import type { CardPort } from './ports';

export interface StartedCardPort extends CardPort {
  close(): Promise<void>;
}

export async function startCardPort(config: StationConfig | null): Promise<StartedCardPort> {
  const demo = config?.demo;
  const cardConfig = { simulated: { enabled: true }, ...(config?.cardDevices ?? {}) } as CardConfigInput;
  const service = createCardService({
    config: cardConfig,
    // The cards do not depend on the catalog: the smallest one keeps this cheap.
    ...(demo
      ? {
          cards: demoWorld({
            seed: demo.seed,
            today: demo.today,
            catalogSize: 1,
            peopleCount: demo.peopleCount,
          }).cards,
        }
      : {}),
  });
  await service.start();
  return {
    status: () => {
      const { devices, demoTray, notice } = service.status();
      return { devices, demoTray, notice };
    },
    listDemoCards: () => service.listDemoCards(),
    insertDemoCard: (id) => service.insertDemoCard(id),
    removeDemoCard: () => service.removeDemoCard(),
    onRead: (listener) => service.onRead(listener),
    onStatus: (listener) =>
      service.onStatus(({ devices, demoTray, notice }) => listener({ devices, demoTray, notice })),
    onError: (listener) =>
      service.onError(({ deviceId, code, message_zh, message_en }) =>
        listener({ deviceId, code, message_zh, message_en }),
      ),
    close: () => service.stop(),
  };
}
