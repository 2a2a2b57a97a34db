// Strings of the replay screens, in English and German (same keys in both).
export const replayEn = {
} as const;

export const replayDe: Record<keyof typeof replayEn, string> = {
};
