// What every card source emits (issue 6 "One interface"): one CardRead shape whether the identity
// came from a smart-card reader, the vendor DLL, a HID-POS scanner, a keyboard-wedge scanner or the
// simulated reader. Dates are 'YYYY-MM-DD' ('' when unknown); text fields are '' when unknown.

export type CardKind = 'social-security-card' | 'qr-token' | 'typed-id';

export type CardSourceKind = 'hid-reader' | 'hid-pos' | 'vendor-dll' | 'simulated' | 'keyboard-wedge';

/** Which device produced a read: the station shows it next to the identity. */
export interface CardSourceInfo {
  kind: CardSourceKind;
  deviceId: string; // stable within a session: node-hid path, 'dll:<name>', 'simulated', 'wedge'
  label: string; // human label: product string or configured model name
  vendorId?: number;
  productId?: number;
}

export type CardWarningCode =
  'CARD_NUMBER_CHECK' | 'CARD_EXPIRED' | 'PARTIAL_NO_PSAM' | 'QR_UNRESOLVED' | 'DATA_INCONSISTENT';

export interface CardWarning {
  code: CardWarningCode;
  message_zh: string;
  message_en: string;
}

/** What the cashier can do when a read is partial (3.0 card without PSAM, QR token offline). */
export type CardFallback = 'psam-reader' | 'online-resolution' | 'type-id-number';

export interface CardRead {
  kind: CardKind;
  ssn: string; // social security number = citizen ID number; only ever set when its checksum holds
  name: string;
  cardNo: string;
  cardId: string; // 卡识别码, 32 hex characters
  region: string; // issuing division code (6 digits)
  specVersion: string; // '1.00' | '2.00' | '3.00' | ''
  issued: string;
  expires: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  partial: boolean;
  /** Set when partial: why, and what the cashier can do instead. */
  fallbacks: CardFallback[];
  warnings: CardWarning[];
  /** mdtrt_cert_type for 1101 (platform-protocol.md): 01 token, 02 ID number, 03 card. */
  certType: '01' | '02' | '03';
  /** QR payload (kind 'qr-token'): an opaque token resolved online only; never settled offline. */
  token?: string;
  symbology?: string;
  /** Raw evidence for the support log: APDU trace, DLL output or scanned bytes (hex). */
  raw: string;
  source: CardSourceInfo;
}

/** The card's own fields of a read that had no card (a typed ID number, a QR token): all empty. */
export const NO_CARD_FIELDS = {
  cardNo: '',
  cardId: '',
  region: '',
  specVersion: '',
  issued: '',
  expires: '',
} as const satisfies Pick<CardRead, 'cardNo' | 'cardId' | 'region' | 'specVersion' | 'issued' | 'expires'>;

/**
 * Card data the simulated reader holds. Field names follow DemoCard in docs/TEAM-NOTES.md so the
 * demo world's cards can be passed as they are; only what a card physically stores is required.
 */
export interface DemoCardInput {
  certno: string; // social security number (EF06 tag 08)
  psn_name: string; // GBK-encodable name; longer than 15 characters spills into tag 4E
  card_no: string; // 卡号, 9 characters
  card_id: string; // 卡识别码, 32 hex characters
  region: string; // issuing division code
  spec_version: '2.00' | '3.00' | string;
  issued: string; // YYYY-MM-DD
  expires: string; // YYYY-MM-DD
  gender?: 'male' | 'female' | string;
  birth_date?: string; // YYYY-MM-DD
  damaged?: boolean;
  psn_no?: string;
  label_zh?: string;
  label_en?: string;
}
