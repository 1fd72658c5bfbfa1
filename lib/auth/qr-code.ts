/**
 * The QR code an authenticator app scans at MFA setup, drawn on the server as SVG by the `qrcode`
 * library: nothing is fetched from elsewhere and no script runs in the browser to draw it. The
 * setup key stays beside it, in text, for people who cannot scan.
 */
import QRCode from 'qrcode';

/** An `otpauth://` link as a data URL of an SVG QR code (error correction M, a quiet zone of 2). */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
