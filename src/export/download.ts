/** Offers bytes or text to the user as a file download; nothing leaves the machine. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** CSV with a BOM so that Excel reads UTF-8 (Hindi names) correctly. */
export function downloadCsv(filename: string, csv: string): void {
  downloadBlob(filename, new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
}
