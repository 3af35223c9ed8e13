// Lexical with the rich-text plugin, its placeholder a separate element outside the editable
// (as the Lexical playground does it).
import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';

import { expose } from './expose';

const el = document.getElementById('body')!;
const placeholder = document.getElementById('placeholder')!;
const editor = createEditor({
  namespace: 'lectern-e2e',
  nodes: [HeadingNode, QuoteNode],
  onError: (e) => {
    throw e;
  },
});
editor.setRootElement(el);
registerRichText(editor);
const lines = JSON.parse(el.dataset.initial ?? '[]') as string[];
editor.update(
  () => {
    const root = $getRoot();
    for (const line of lines) root.append($createParagraphNode().append($createTextNode(line)));
  },
  { discrete: true },
);
editor.registerUpdateListener(({ editorState }) => {
  placeholder.hidden = editorState.read(() => $getRoot().getTextContent() !== '');
});
expose({
  markup: () => el.innerHTML,
  submitted: () => JSON.stringify(editor.getEditorState().toJSON()),
});
