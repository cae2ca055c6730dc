// A small typed client for the admin endpoints, for sync and contract tests: revoke or change a
// filing, set accumulators, publish catalog and policy changes, inject faults, read settlements.
// Each request uses its own connection (connection: close) so a partition or a dropped keep-alive
// socket never gets in the way of healing the platform.

import type {
  FaultSettingsInput,
  PublishCatalog,
  PublishPolicies,
  PutFiling,
  SetAccumulators,
  SettlementFault,
} from './admin/schemas';
import type { FaultState } from './http/faults';

export interface StoredSettlement {
  local_setl_id: string;
  setl_id: string | null;
  station_id: string;
  psn_no: string | null;
  outcome: 'confirmed' | 'discrepancy' | 'rejected';
  settle_date: string | null;
  hifp_pay: string | null;
  fund_pay_sumamt: string | null;
  medfee_sumamt: string | null;
  acct_pay: string | null;
  acc_key: string | null;
  cancel_setl_id: string | null;
  accumulators_before: Record<string, unknown> | null;
  accumulators_after: Record<string, unknown> | null;
}

export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

export interface AdminClientOptions {
  /** the platform's admin token, when it was started with one (`--admin-token`) */
  token?: string;
}

export class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly options: AdminClientOptions = {},
  ) {}

  private async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl.replace(/\/+$/, '') + path, {
      method,
      headers: {
        'content-type': 'application/json',
        connection: 'close',
        ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { error?: string; message?: string };
    if (!res.ok)
      throw new AdminError(res.status, json.error ?? 'ERROR', json.message ?? `HTTP ${res.status}`);
    return json as T;
  }

  state() {
    return this.request<{
      settings: { seed: string; today: string };
      ver: number;
      faults: FaultState;
      kind: string;
      settlements: number;
      cancelled: number;
    }>('GET', '/admin/state');
  }
  revokeFiling(filingId: string) {
    return this.request<{ revoked: string; ver: number }>('POST', '/admin/filings/revoke', {
      filing_id: filingId,
    });
  }
  putFiling(row: PutFiling) {
    return this.request<{ key: string; ver: number }>('POST', '/admin/filings/put', row);
  }
  setAccumulators(input: SetAccumulators) {
    return this.request<{ key: string; ver: number }>('POST', '/admin/accumulators/set', input);
  }
  publishCatalog(change: PublishCatalog) {
    return this.request<{ upserted: number; deleted: number; ver: number }>(
      'POST',
      '/admin/catalog/publish',
      change,
    );
  }
  publishPolicies(change: PublishPolicies) {
    return this.request<{ upserted: number; deleted: number; ver: number }>(
      'POST',
      '/admin/policies/publish',
      change,
    );
  }
  setFaults(settings: FaultSettingsInput) {
    return this.request<{ faults: FaultState }>('POST', '/admin/faults', settings);
  }
  clearFaults() {
    return this.request<{ faults: FaultState }>('DELETE', '/admin/faults');
  }
  settlements(psnNo?: string) {
    return this.request<{ settlements: StoredSettlement[] }>(
      'GET',
      `/admin/settlements${psnNo ? `?psn_no=${encodeURIComponent(psnNo)}` : ''}`,
    );
  }
  /** Loses a settlement on the platform, or alters its amount (reconciliation tests). */
  settlementFault(fault: SettlementFault) {
    return this.request<{ fault: string; local_setl_id: string }>('POST', '/admin/settlements/fault', fault);
  }
  signIns() {
    return this.request<{
      sign_ins: {
        sign_no: string;
        station_id: string;
        fixmedins_code: string;
        opter_no: string;
        signed_at: string;
        signed_out_at: string | null;
      }[];
    }>('GET', '/admin/sign-ins');
  }
  accumulators(psnNo: string, year: number) {
    return this.request<{ key: string; psn_no: string; accumulators: Record<string, unknown>; ver: number }>(
      'GET',
      `/admin/accumulators?psn_no=${encodeURIComponent(psnNo)}&year=${year}`,
    );
  }
}
