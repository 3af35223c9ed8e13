// Which tab the panel reviews. Beside a page (the side panel) it follows the window's active
// tab. Opened as a tab itself (tests, or a user who pins it) it cannot review itself, so it
// follows the tab whose draft changed last, unless ?tabId= names one.
import { sendMessage } from '@/lib/messaging';

export type Follow = 'active-tab' | 'latest-draft' | 'fixed';

export interface Target {
  tabId: number | null;
  follow: Follow;
  windowId?: number;
}

export async function initialTarget(): Promise<Target> {
  const named = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(named) && named > 0) return { tabId: named, follow: 'fixed' };

  if (await browser.tabs.getCurrent()) {
    const { tabId } = await sendMessage('lastDraftTab', undefined);
    return { tabId, follow: 'latest-draft' };
  }
  const window = await browser.windows.getCurrent();
  const [active] = await browser.tabs.query({ active: true, windowId: window.id });
  return { tabId: active?.id ?? null, follow: 'active-tab', windowId: window.id };
}
