// The name dismissals (and sign-offs) are recorded under; the panel asks for it once if unset.
import { useEffect, useState } from 'preact/hooks';

import { sendMessage } from '@/lib/messaging';

import { StatusLine, useStatus } from './status';

export function ReviewerSection() {
  const [name, setName] = useState('');
  const { status, say, fail } = useStatus();

  useEffect(() => {
    sendMessage('getReviewer', undefined).then((r) => setName(r.name ?? ''), fail);
  }, [fail]);

  return (
    <section aria-labelledby="reviewer-heading">
      <h2 id="reviewer-heading">Your name</h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const saved = await sendMessage('setReviewer', { name });
            say(`Dismissals will be recorded as made by ${saved.name}.`);
          } catch (err) {
            fail(err);
          }
        }}
      >
        <label class="field">
          Recorded with each dismissal you make
          <input
            name="reviewer"
            required
            autoComplete="name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <div class="buttons">
          <button type="submit">Save name</button>
        </div>
      </form>
      <StatusLine status={status} testId="reviewer-status" />
    </section>
  );
}
