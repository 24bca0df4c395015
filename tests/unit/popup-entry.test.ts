// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';

/** What happened, in order, as the popup's entry module ran. */
const events: string[] = [];

vi.mock('../../src/popup/connector', () => ({
  targetTabId: () => 7,
  analyzeTab: (tabId: number) => {
    events.push(`ask ${tabId}`);
    return new Promise(() => undefined);
  },
}));
vi.mock('preact', () => {
  events.push('preact loaded');
  return { render: () => events.push('render'), h: () => null, Fragment: 'fragment', options: {} };
});
vi.mock('../../src/popup/start', () => {
  events.push('views loaded');
  return { start: (_root: unknown, tabId: number) => events.push(`start ${tabId}`) };
});

describe("the popup's entry", () => {
  it('asks for the analysis before the views and Preact are loaded', async () => {
    document.body.innerHTML = '<div id="app"></div>';
    await import('../../src/popup/main');
    await vi.waitFor(() => expect(events).toContain('start 7'));
    expect(events[0]).toBe('ask 7');
    expect(events).not.toContain('preact loaded');
  });
});
