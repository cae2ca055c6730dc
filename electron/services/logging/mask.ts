// Citizen ID numbers (GB 11643, 18 characters) never reach a log file whole: the first 6 (division
// code) and last 4 stay so a support person can still tell two patients apart and find the region,
// the birth date and sequence in the middle are starred out.
const CITIZEN_ID = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

export function maskIdNumbers(text: string): string {
  return text.replace(CITIZEN_ID, '$1********$2');
}
