/**
 * The share link as a large QR code, for the projector: the audience scans it and opens the same scenario. Drawn
 * as SVG from the `qrcode` package's module matrix (no request, no canvas), with the link printed below.
 * A modal dialog: Escape or the backdrop closes it, focus starts on Close and stays inside.
 */
import { create } from 'qrcode';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { downloadText } from './download';
import { qrPath, qrSvg } from './svgText';

interface Props {
  readonly link: string;
  /** File name of "Save QR (SVG)". */
  readonly fileName: string;
  readonly onClose: () => void;
}

const MARGIN = 4;

function matrix(link: string) {
  try {
    // Long links need more modules; low error correction keeps them coarse enough to scan from a seat.
    const code = create(link, { errorCorrectionLevel: link.length > 300 ? 'L' : 'M' });
    return { size: code.modules.size, data: code.modules.data, error: null };
  } catch (error) {
    return {
      size: 0,
      data: new Uint8Array(0),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export function QrDialog({ link, fileName, onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState(false);
  const qr = useMemo(() => matrix(link), [link]);
  const full = qr.size + 2 * MARGIN;

  useEffect(() => {
    const opener = document.activeElement;
    close.current?.focus();
    return () => {
      // Back to what opened it, if that is still on the page (the menu's item is not: the menu gives focus back).
      if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The page's shortcuts (Space, R, arrows) must not act behind the dialog.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button, [href], input, textarea')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="dialog qr-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="qr-title"
        aria-describedby="qr-link"
        data-testid="qr-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <h2 id="qr-title">Scan to open this scenario</h2>
        {qr.error ? (
          <p className="qr-error">The link is too long for a QR code ({qr.error}).</p>
        ) : (
          <svg
            className="qr-code"
            viewBox={`0 0 ${full} ${full}`}
            role="img"
            aria-label="QR code of the share link"
            shapeRendering="crispEdges"
            data-testid="qr-code"
          >
            <rect width={full} height={full} fill="#ffffff" />
            <path d={qrPath(qr.size, qr.data, MARGIN)} fill="#000000" />
          </svg>
        )}
        <p className="qr-link" id="qr-link">
          {link}
        </p>
        <div className="qr-actions">
          <button type="button" onClick={() => void copy()}>
            {copied ? 'Link copied ✓' : 'Copy link'}
          </button>
          {!qr.error && (
            <button
              type="button"
              onClick={() => downloadText(qrSvg(qr.size, qr.data, link, MARGIN), fileName, 'image/svg+xml')}
            >
              Save QR (SVG)
            </button>
          )}
          <button type="button" ref={close} onClick={onClose} data-testid="qr-close">
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

export default QrDialog;
