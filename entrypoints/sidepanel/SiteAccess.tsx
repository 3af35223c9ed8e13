// Per-site access: an optional host permission plus a content script registered at run time.
// The permission prompt needs the user's click, so it is asked here, not in the background.
import { sendMessage, type PanelState } from '@/lib/messaging';

interface Props {
  state: PanelState;
  act: (task: () => Promise<PanelState | void>) => Promise<void>;
}

export function SiteAccess({ state, act }: Props) {
  const { origin } = state;
  // Without activeTab or a host permission the page's address is hidden from Lectern.
  if (!origin) return null;
  const host = new URL(origin).host;
  const turnOn = () =>
    act(async () => {
      const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
      if (!granted) throw new Error(`Lectern stays off on ${host}: permission was not given.`);
      return sendMessage('enableSite', { tabId: state.tabId, origin });
    });
  const turnOff = () => act(() => sendMessage('disableSite', { tabId: state.tabId, origin }));

  return (
    <section class="site" aria-labelledby="site-heading">
      <h2 id="site-heading">This site</h2>
      {state.siteOn ? (
        <>
          <p>Lectern reviews drafts on {host} whenever you type.</p>
          <button type="button" onClick={turnOff}>
            Turn off for this site
          </button>
        </>
      ) : (
        <>
          <p>Review drafts on {host} every time, without clicking the toolbar button.</p>
          <button type="button" onClick={turnOn}>
            Turn on for this site
          </button>
        </>
      )}
    </section>
  );
}
