// Rules for well.bit_program: each section's bit within 2-36 in, depths sorted and
// non-overlapping, so one depth never has two bits.
import type { ConfigIssue, WellConfig } from '../../src-shared/config.js';

export function bitProgramIssues(program: WellConfig['well']['bit_program']): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  const err = (key: string, rule: string) => out.push({ key, message: `${key}: ${rule}` });
  program.forEach((s, i) => {
    const key = `well.bit_program.${i}`;
    if (!(s.diameter_in >= 2 && s.diameter_in <= 36)) err(`${key}.diameter_in`, `must be within 2-36 in (got ${s.diameter_in})`);
    if (!(s.from_depth_ft >= 0)) err(`${key}.from_depth_ft`, `must be >= 0 ft (got ${s.from_depth_ft})`);
    if (!(s.to_depth_ft > s.from_depth_ft)) {
      err(`${key}.to_depth_ft`, `must be deeper than from_depth_ft ${s.from_depth_ft} ft (got ${s.to_depth_ft})`);
    }
    const prev = program[i - 1];
    if (prev && s.from_depth_ft < prev.to_depth_ft) {
      err(
        `${key}.from_depth_ft`,
        `sections must be sorted by depth and not overlap: ${s.from_depth_ft} ft starts above the previous section's end at ${prev.to_depth_ft} ft`,
      );
    }
  });
  return out;
}
