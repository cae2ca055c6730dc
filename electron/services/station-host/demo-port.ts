// Demo stations (provisioned by `npm start`) stand in for the hospital system: they hand over the
// demo world's bills of the person whose card was read, at this station's own institution only,
// as that institution's system would.
import { demoWorld } from '../../../shared/demo-world';
import type { StationConfig } from '../config';
import type { DemoPort } from './ports';

export function createDemoPort(config: StationConfig): DemoPort | null {
  const demo = config.demo;
  if (!demo) return null;
  // Bills and people do not depend on the catalog: the smallest one keeps this cheap.
  const world = demoWorld({
    seed: demo.seed,
    today: demo.today,
    catalogSize: 1,
    peopleCount: demo.peopleCount,
  });
  const institution = config.institution.fixmedins_code;
  return {
    bills({ certno, psn_no }) {
      const person = world.people.find(
        (p) => (psn_no && p.person.psn_no === psn_no) || (certno && p.person.certno === certno),
      );
      if (!person) return [];
      return world.bills
        .filter((b) => b.psn_no === person.person.psn_no && b.fixmedins_code === institution)
        .map((b) => structuredClone(b));
    },
  };
}
