// The named people of the demo world: each one a situation a cashier meets, with a memorable label
// (label_zh / label_en) that the demo card tray and the docs show. Their order fixes their psn_no.

import type { ScenarioSpec } from './scenario-types';
import { COUNTER_SCENARIOS } from './scenarios-counter';
import { MORE_SCENARIOS } from './scenarios-more';
import { V2_SCENARIOS } from './scenarios-v2';

export type { CardSpec, FilingKind, FilingSpec, FilingType, ScenarioSpec } from './scenario-types';

export const SCENARIOS: readonly ScenarioSpec[] = [...COUNTER_SCENARIOS, ...MORE_SCENARIOS, ...V2_SCENARIOS];
