// What each editor page tells the test: the editor's own markup and the content it would submit.
export interface TestEditor {
  markup(): string;
  submitted(): string;
}

export function expose(editor: TestEditor): void {
  (window as unknown as { testEditor: TestEditor & { ready: true } }).testEditor = {
    ...editor,
    ready: true,
  };
}
