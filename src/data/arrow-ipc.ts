const MAGIC = 'ARROW1';

/**
 * The stream inside an Arrow IPC file: the file format is magic, padding, a complete stream (ending
 * in its end-of-stream marker), the footer, the footer's length and magic again.
 */
export function ipcFileToStream(file: Uint8Array): Uint8Array {
  const head = String.fromCharCode(...file.subarray(0, 6));
  if (head !== MAGIC) return file;
  const footerLength = new DataView(file.buffer, file.byteOffset + file.byteLength - 10, 4).getInt32(0, true);
  return file.subarray(8, file.byteLength - 10 - footerLength);
}
