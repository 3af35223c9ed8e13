// Saves data the user asked to export as a file. Extension pages may download a Blob URL;
// nothing leaves the machine.
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "2025-03-14" for file names. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
