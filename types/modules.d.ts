// Declarations for modules that ship no types of their own.

declare module 'html-encoding-sniffer' {
  /** Sniffs an HTML byte stream's encoding (WHATWG HTML encoding sniffing); returns an encoding name. */
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string; maxPrescanBytes?: number },
  ): string;
}

declare module '*.css';
