// Which configured role (card reader model or HID-POS scanner) an enumerated HID device plays.
// Pure, so the table logic is tested without devices.
import type { CardConfig, ReaderModel, ScannerModel } from './config';
import type { HidDeviceInfo } from './hid-port';

export type DeviceRole = { role: 'reader'; model: ReaderModel } | { role: 'scanner'; model: ScannerModel };

export function matchDevice(info: HidDeviceInfo, config: CardConfig): DeviceRole | null {
  for (const model of config.readers) {
    if (info.vendorId !== model.vendorId || info.productId !== model.productId) continue;
    if (model.usagePage !== undefined && info.usagePage !== undefined && info.usagePage !== model.usagePage)
      continue;
    return { role: 'reader', model };
  }
  for (const model of config.scanners) {
    if (model.vendorId !== undefined && info.vendorId !== model.vendorId) continue;
    if (model.productId !== undefined && info.productId !== model.productId) continue;
    // A scanner is told apart by its usage page (0x8C HID-POS); without one (libusb driver on some
    // systems) only an explicit VID/PID entry counts.
    if (info.usagePage === undefined ? model.vendorId === undefined : info.usagePage !== model.usagePage)
      continue;
    return { role: 'scanner', model };
  }
  return null;
}

export function deviceLabel(info: HidDeviceInfo, fallback: string): string {
  const name = [info.manufacturer, info.product].filter((s) => s && s.trim() !== '').join(' ');
  return name || fallback;
}
