/**
 * C0 controls other than tab, line feed and a carriage return that ends a line (CSV's CRLF), DEL, and the C1 controls (0x80-0x9f; 0x9b alone starts
 * a terminal command). Once these are inert, no escape sequence (window titles, clipboard writes,
 * cursor moves, screen clears) can come from a knowledge pack or an answers file.
 */
const controls = /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Makes every control character visible as a \uXXXX escape. Used at the output edges: whatever
 * reaches a terminal, and the Markdown and JSON reports (in JSON the escape is the same string,
 * so reports stay valid and lossless; JSON.stringify already escapes C0 but not DEL or C1).
 */
export function showControls(text: string): string {
  return text.replace(controls, (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
