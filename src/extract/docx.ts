// Word documents (.docx) → HTML through mammoth; the HTML reader does the
// rest. Asynchronous, as mammoth is, and loaded only when a .docx is met.

import { ParseError } from '../core/diagnostics.js';

export async function docxToHtml(bytes: Uint8Array, file?: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    // The browser build of mammoth reads `arrayBuffer`, the Node build `buffer` (a Uint8Array serves): give both.
    const input = { arrayBuffer, buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    return `<html><body>${(await mammoth.convertToHtml(input)).value}</body></html>`;
  } catch (cause) {
    throw new ParseError('input-corrupt', { what: 'docx', reason: (cause as Error).message }, { ...(file ? { file } : {}), cause });
  }
}
