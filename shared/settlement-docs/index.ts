// What leaves the station about a settlement: the encounter data kept with it, the national
// settlement list's content, the itemised lines, and the FHIR R4 export. Pure: the renderer renders
// and prints them (renderer/documents).
export * from './encounter';
export type { SettlementRecord } from './record';
export {
  settlementListModel,
  personalSplit,
  feeTotals,
  type SettlementListModel,
  type PersonalSplit,
  type FeeTotals,
} from './settlement-list';
export { itemisedLines, lineClass, LINE_CLASSES, type ItemisedLine, type LineClass } from './itemised';
export * from './fhir';
