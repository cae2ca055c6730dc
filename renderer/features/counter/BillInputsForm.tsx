// The bill's inputs besides its lines: the encounter number (住院号 / 门诊号, required to settle), the
// admission date, the mid-stay part of a long stay settled in parts (inpatient, rehab), the disease
// code of a chronic-outpatient bill and the circumstances. A react-hook-form
// form over bill-inputs.ts; every change goes to the counter store's setBill (which clears the preview).
// The form starts over (key = billVersion) when a whole bill is loaded or a new patient comes.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { STAY_SETL_TYPES, type Circumstances } from '../../../shared/settlement';
import { FieldError } from '../../ui';
import { billInputsFormSchema, stayPartOf, type BillInputsForm } from './bill-inputs';
import type { BillInputs, CounterState } from './counter-store';
import { useCounter, useCounterActions } from './use-counter';

export function BillInputsPanel() {
  const s = useCounter(
    useShallow((c: CounterState) => ({
      billVersion: c.billVersion,
      scheme: c.scheme,
      setlType: c.setlType,
      admissionDate: c.admissionDate,
      diseCodg: c.diseCodg,
      circumstances: c.circumstances,
      acctUsed: c.acctUsed,
      mdtrtId: c.mdtrtId,
      stayPart: c.stayPart,
    })),
  );
  return <BillInputsFields key={s.billVersion} {...s} />;
}

type FieldsProps = Pick<
  BillInputs,
  'scheme' | 'setlType' | 'admissionDate' | 'diseCodg' | 'circumstances' | 'acctUsed' | 'mdtrtId' | 'stayPart'
>;

function BillInputsFields(props: FieldsProps) {
  const { t } = useTranslation();
  const { setBill } = useCounterActions();
  // the circumstances the bill came with (third_party_liable has no box here); boxes change the rest
  const loaded = useRef<Partial<Circumstances>>(props.circumstances);
  const form = useForm<BillInputsForm>({
    resolver: zodResolver(billInputsFormSchema),
    mode: 'onTouched',
    defaultValues: {
      admissionDate: props.admissionDate ?? '',
      diseCodg: props.diseCodg,
      mdtrtId: props.mdtrtId,
      emergency: !!props.circumstances.emergency,
      trauma: !!props.circumstances.trauma,
      commitment: !!props.circumstances.trauma_commitment_signed,
      acctUsed: props.acctUsed,
      stayPart: props.stayPart === null ? '' : String(props.stayPart),
    },
  });
  const { register, watch, formState } = form;
  useEffect(() => {
    const subscription = watch((v, { name }) => {
      if (name === 'admissionDate') setBill({ admissionDate: v.admissionDate || null });
      else if (name === 'diseCodg') setBill({ diseCodg: (v.diseCodg ?? '').trim() });
      else if (name === 'mdtrtId') setBill({ mdtrtId: v.mdtrtId ?? '' });
      else if (name === 'acctUsed') setBill({ acctUsed: !!v.acctUsed });
      else if (name === 'stayPart') setBill({ stayPart: stayPartOf(v.stayPart ?? '') });
      else if (name === 'emergency' || name === 'trauma' || name === 'commitment')
        setBill({
          circumstances: {
            ...loaded.current,
            emergency: !!v.emergency,
            trauma: !!v.trauma,
            trauma_commitment_signed: !!v.commitment,
          },
        });
    });
    return () => subscription.unsubscribe();
  }, [watch, setBill]);
  const trauma = watch('trauma');

  return (
    <div className="choice-row bill-inputs" data-testid="bill-inputs">
      <label>
        {t('bill.encounter')}
        <input
          {...register('mdtrtId')}
          title={t('bill.encounterHint')}
          autoComplete="off"
          size={14}
          data-testid="mdtrt-id"
        />
        <FieldError error={formState.errors.mdtrtId} testId="mdtrt-id-error" />
      </label>
      <label>
        {t('bill.admission')}
        <input type="date" {...register('admissionDate')} data-testid="admission-date" />
        <FieldError error={formState.errors.admissionDate} />
      </label>
      {(STAY_SETL_TYPES as readonly string[]).includes(props.setlType) && (
        <label title={t('bill.stayPartHint')}>
          {t('bill.stayPart')}
          <input
            {...register('stayPart')}
            inputMode="numeric"
            autoComplete="off"
            size={3}
            placeholder={t('bill.stayWhole')}
            data-testid="stay-part"
          />
          <FieldError error={formState.errors.stayPart} testId="stay-part-error" />
        </label>
      )}
      {props.setlType === 'chronic_outpatient' && (
        <label>
          {t('bill.disease')}
          <input {...register('diseCodg')} data-testid="dise-codg" />
        </label>
      )}
      {props.scheme === 'medical' && (
        <>
          <label>
            <input type="checkbox" {...register('emergency')} /> {t('bill.emergency')}
          </label>
          <label>
            <input type="checkbox" {...register('trauma')} /> {t('bill.trauma')}
          </label>
          {trauma && (
            <label>
              <input type="checkbox" {...register('commitment')} /> {t('bill.commitment')}
            </label>
          )}
          <label>
            <input type="checkbox" {...register('acctUsed')} /> {t('bill.acct')}
          </label>
        </>
      )}
    </div>
  );
}
