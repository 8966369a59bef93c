// Which rig states each part of the physics applies in.
import type { RigState } from '../../src-shared/wits.js';

/** The bit on bottom cutting: MSE, d-exponent and mechanical rules apply. */
export const isOnBottomState = (s: RigState): boolean => s === 'Drilling' || s === 'Reaming';
/** Circulating through the bit: flows, pits and SPP can be judged. */
export const isWellControlState = (s: RigState): boolean => s === 'Drilling' || s === 'Reaming' || s === 'Circulating';
