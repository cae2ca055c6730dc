import type { z } from 'zod';
import type { Infno, RequestEnvelope, transactionSchemas } from '../../shared/protocol';
import type { PlatformContext, RawJson } from '../context';

export interface Call<I extends Infno> {
  station: string;
  envelope: RequestEnvelope;
  input: z.output<(typeof transactionSchemas)[I]['input']>;
}

export type Handler<I extends Infno> = (
  ctx: PlatformContext,
  call: Call<I>,
) => Promise<z.input<(typeof transactionSchemas)[I]['output']> | RawJson>;
