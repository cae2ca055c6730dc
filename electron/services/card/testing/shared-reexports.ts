// Shared pieces the card tests use, gathered in one import.
import { validateCitizenId } from '../../../../shared/ids';
export { chunkedCodec, encodeGbk, SAMPLE_CARDS, toHex } from '../../../../shared/card';
export const validateCitizenIdForTest = (id: string): boolean => validateCitizenId(id).ok;
