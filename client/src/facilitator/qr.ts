/** Draws the join link as a QR code; the qrcode package loads only when a console opens. */
export async function drawQr(canvas: HTMLCanvasElement, url: string, size: number): Promise<void> {
  const { default: QRCode } = await import('qrcode');
  await QRCode.toCanvas(canvas, url, { width: size, margin: 2, errorCorrectionLevel: 'M', color: { dark: '#0d1321ff', light: '#ffffffff' } });
}

/** The link a student opens: the lobby with the code filled in. */
export function joinLink(origin: string, joinCode: string): string {
  return `${origin}/?join=${encodeURIComponent(joinCode)}`;
}
