// Keyboard-wedge scanners: burst detection (pure), the hook, and what a scan means.
export { createWedgeDetector } from './wedge-detector';
export type { WedgeDetector, WedgeKey, WedgeOptions, WedgeScan, WedgeVerdict } from './wedge-detector';
export { useWedgeScanner } from './use-wedge-scanner';
export { wedgeScanToRead, WEDGE_SOURCE } from './wedge-read';
