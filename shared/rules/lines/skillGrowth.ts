import { saturate } from '../../math/detMath';

/**
 * The growth rule autonomy and dexterity share ("the same brain steers wheel and hand"):
 * level += (100 − level)·(1 − e^(−(lineRnD + w·aiTraining)·μ·(0.5 + A/100)·(1+D)/scale)).
 */
export function skillAfter(
  level: number,
  lineRnDM: number,
  aiTrainingM: number,
  aiWeight: number,
  mu: number,
  capability: number,
  dataBonus: number,
  scaleM: number,
): number {
  const effort = (lineRnDM + aiWeight * aiTrainingM) * mu * (0.5 + capability / 100) * (1 + dataBonus);
  return level + (100 - level) * saturate(effort / scaleM);
}
