// The ProseMirror page: the editor on #body, pre-filled from #initial.
import { expose } from './expose';
import { mountProseMirror } from './pm';

const place = document.getElementById('body');
if (place) {
  const initial = document.getElementById('initial')?.innerHTML ?? '';
  const view = mountProseMirror(place, initial);
  expose({
    markup: () => view.dom.innerHTML,
    submitted: () => JSON.stringify(view.state.doc.toJSON()),
  });
}
