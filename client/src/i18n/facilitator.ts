// Strings of the facilitator screens, in English and German (same keys in both).
export const facilitatorEn = {
} as const;

export const facilitatorDe: Record<keyof typeof facilitatorEn, string> = {
};
