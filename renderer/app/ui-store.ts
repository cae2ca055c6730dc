// The counter's working state (zustand): one patient at a time, step by step. The data itself lives
// in Dexie; this holds only what the cashier is doing right now.
import { create } from 'zustand';
import type { CardReadEvent } from '../../shared/station-api';
import type { BillLine, Circumstances, Person } from '../../shared/settlement';
import type { Preview } from '../settle-service';
import type { Scheme } from '../db';

export type SetlType = 'inpatient' | 'outpatient' | 'chronic_outpatient' | 'rehab' | 'device';

export interface Notice {
  id: number;
  level: 'info' | 'warn' | 'error';
  key: string;
  params?: Record<string, string>;
}

export interface UiState {
  screen: 'counter' | 'queue';
  card: CardReadEvent | null;
  /** the person as 1101 answered, for someone with no cached filing */
  onlinePerson: Person | null;
  scheme: Scheme;
  setlType: SetlType;
  admissionDate: string | null;
  diseCodg: string;
  circumstances: Partial<Circumstances>;
  acctUsed: boolean;
  lines: BillLine[];
  billLabel: string | null;
  preview: Preview | null;
  receiptId: string | null;
  notices: Notice[];
  notify(level: Notice['level'], key: string, params?: Record<string, string>): void;
  dismiss(id: number): void;
  nextPatient(): void;
}

let noticeId = 0;

const emptyPatient = {
  card: null,
  onlinePerson: null,
  admissionDate: null,
  diseCodg: '',
  circumstances: {},
  acctUsed: false,
  lines: [],
  billLabel: null,
  preview: null,
  receiptId: null,
} satisfies Partial<UiState>;

export const useUiStore = create<UiState>((set) => ({
  screen: 'counter',
  scheme: 'medical',
  setlType: 'inpatient',
  ...emptyPatient,
  notices: [],
  notify: (level, key, params) =>
    set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, level, key, params }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  nextPatient: () => set({ ...emptyPatient }),
}));
