// Where the engine's flow out comes from and whether flow-based kick and loss detection is live:
// a flow-out meter in gpm, the paddle's percent calibrated per pump rate, or nothing (pits only).
// The wording lives here once: the health line (engine) and the flow tiles' note (screens).

export type FlowOutSource = 'meter' | 'paddle' | 'none';

/**
 * The paddle's calibration at the present pump rate. learning: not yet usable (no flow-based
 * detection); calibrated: in use; holding: in use, learning held while the balance stands out (a
 * gain or a loss is not calibrated away); unusable: reading under the floor at steady pumps;
 * pumps-off: nothing to read (calibrations kept).
 */
export type PaddleState = 'learning' | 'calibrated' | 'holding' | 'unusable' | 'pumps-off';

export interface PaddleStatus {
  state: PaddleState;
  /** Seconds of steady, quiet pumping learned at the present rate (of learnS). */
  learnedS: number;
  /** Seconds needed at a rate before its calibration is used. */
  learnS: number;
  /** Pump rates with a usable calibration. */
  ratesCalibrated: number;
  /** Paddle readings under this percent are not used. */
  minPercent: number;
}

export interface FlowOutStatus {
  source: FlowOutSource;
  /** The paddle's state (source 'paddle' only, else null). */
  paddle: PaddleStatus | null;
}

/** How a screen or the health line should weigh it: info is normal operation, warning needs a look. */
export type FlowOutSeverity = 'ok' | 'info' | 'warning';

export function flowOutSeverity(f: FlowOutStatus): FlowOutSeverity {
  if (f.source === 'none' || f.paddle?.state === 'unusable') return 'warning';
  if (f.paddle?.state === 'learning') return 'info';
  return 'ok';
}

/** Flow-based kick and loss detection can read flow out on this packet. */
export const flowDetectionLive = (f: FlowOutStatus): boolean =>
  f.source === 'meter' || f.paddle?.state === 'calibrated' || f.paddle?.state === 'holding';

const rates = (n: number): string => `${n} pump rate${n === 1 ? '' : 's'}`;

/** The health line, one sentence the driller can act on. */
export function flowOutHealthText(f: FlowOutStatus): string {
  if (f.source === 'meter') return 'Flow out from the flow-out meter (gpm): flow-based kick and loss detection live';
  if (f.source === 'none' || !f.paddle) return 'No flow-out sensor: kick and loss are judged on pits only';
  const p = f.paddle;
  const head = 'Flow out from paddle %';
  switch (p.state) {
    case 'learning':
      return `${head}: learning this pump rate (${Math.floor(p.learnedS)} of ${p.learnS} s): flow-based kick detection starts when learned; pits are watched meanwhile`;
    case 'calibrated':
      return `${head}: calibrated (${rates(p.ratesCalibrated)})`;
    case 'holding':
      return `${head}: calibrated, learning held while the flow balance stands out (a gain or loss is not calibrated away)`;
    case 'unusable':
      return `${head}: paddle reads under ${p.minPercent} % with the pumps on, not used: kick and loss are judged on pits only; check the paddle`;
    case 'pumps-off':
      return p.ratesCalibrated > 0 ? `${head}: pumps off (${rates(p.ratesCalibrated)} calibrated)` : `${head}: pumps off; each pump rate is learned over ${p.learnS} s of steady pumping`;
  }
}

/** A few words on the flow tiles (narrow: the banner and health line say the rest). */
export function flowOutNoteText(f: FlowOutStatus): string {
  if (f.source === 'meter') return 'flow-out meter';
  if (f.source === 'none' || !f.paddle) return 'no flow out';
  const p = f.paddle;
  switch (p.state) {
    case 'learning':
      return `learning ${Math.floor(p.learnedS)}/${p.learnS} s`;
    case 'calibrated':
      return 'paddle calibrated';
    case 'holding':
      return 'calibration held';
    case 'unusable':
      return `paddle under ${p.minPercent} %`;
    case 'pumps-off':
      return 'paddle, pumps off';
  }
}
