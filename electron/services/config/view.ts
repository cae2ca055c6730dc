import type { StationConfigView } from '../../../shared/station-api';
import type { SecretStore } from './secret-store';
import type { StationConfig } from './station-config';

/** What the page may see of the configuration: everything but the secret. */
export function stationConfigView(config: StationConfig, secrets: SecretStore): StationConfigView {
  return {
    stationId: config.stationId,
    institution: { ...config.institution },
    treatmentPlace: { ...config.treatmentPlace },
    platformUrl: config.platformUrl,
    secretStorage: secrets.kind,
    ...(config.onlineTimeoutMs ? { onlineTimeoutMs: config.onlineTimeoutMs } : {}),
  };
}
