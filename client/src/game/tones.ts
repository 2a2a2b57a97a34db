// The world's sounds, made here: short tones written as 16-bit PCM WAV files in memory, so they
// are ours and need no download. Phaser's loader decodes them like any audio file.

export type Tone = 'rise' | 'fall' | 'fanfare' | 'gavel' | 'tick' | 'ambient';

const RATE = 22_050;

/** Notes (Hz, seconds) of each tone (the ambient pad is made apart). */
const NOTES: Record<Exclude<Tone, 'ambient'>, Array<[number, number]>> = {
  rise: [[523.25, 0.12], [659.25, 0.12], [783.99, 0.22]],
  fall: [[392, 0.14], [329.63, 0.24]],
  fanfare: [[523.25, 0.12], [659.25, 0.12], [783.99, 0.12], [1046.5, 0.4]],
  // Two knocks of a gavel: low, short, a rest between (0 Hz is silence).
  gavel: [[130.81, 0.07], [0, 0.09], [130.81, 0.1]],
  // The timer running low: two quick high ticks.
  tick: [[1318.5, 0.05], [0, 0.08], [1318.5, 0.05]],
};

/**
 * A quiet pad under the game: a soft open chord swelling and ebbing over four seconds. Every
 * partial fits a whole number of cycles into the four seconds, so the loop has no seam.
 */
function ambient(): Int16Array {
  const seconds = 4;
  const chord = [110, 165, 220, 247.5];
  const out = new Int16Array(RATE * seconds);
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    const swell = 0.55 + 0.45 * Math.sin((Math.PI * t) / seconds) ** 2;
    const v = chord.reduce((sum, hz, k) => sum + Math.sin(2 * Math.PI * hz * t + k), 0) / chord.length;
    out[i] = Math.round(0.18 * 32767 * swell * v);
  }
  return out;
}

function samples(tone: Tone): Int16Array {
  if (tone === 'ambient') return ambient();
  const notes = NOTES[tone];
  const total = Math.round(notes.reduce((n, [, d]) => n + d, 0) * RATE);
  const out = new Int16Array(total);
  let at = 0;
  for (const [hz, seconds] of notes) {
    const n = Math.round(seconds * RATE);
    for (let i = 0; i < n && at + i < total; i++) {
      // A soft attack and a decay, two partials: a bell rather than a beep.
      const env = Math.min(1, i / (0.01 * RATE)) * Math.exp((-3 * i) / n);
      const x = (2 * Math.PI * hz * i) / RATE;
      out[at + i] = Math.round(0.25 * 32767 * env * (Math.sin(x) + 0.3 * Math.sin(2 * x)) / 1.3);
    }
    at += n;
  }
  return out;
}

/** The tone as a `data:audio/wav;base64,…` URI. */
export function toneUri(tone: Tone): string {
  const pcm = samples(tone);
  const bytes = new Uint8Array(44 + pcm.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + pcm.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, pcm.length * 2, true);
  pcm.forEach((v, i) => view.setInt16(44 + i * 2, v, true));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `data:audio/wav;base64,${btoa(binary)}`;
}

export const TONES: Tone[] = ['rise', 'fall', 'fanfare', 'gavel', 'tick', 'ambient'];
