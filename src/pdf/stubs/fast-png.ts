/**
 * Stands in for fast-png (and the pako it pulls in, about 70 KB) in the browser build: jsPDF
 * imports it for PNG images, but the report decodes its only images, drawn signatures, itself
 * (src/pdf/png.ts) and never hands jsPDF a PNG.
 */
export function decode(): never {
  throw new Error('PNG decoding through jsPDF is not part of this build; see src/pdf/png.ts.');
}
