// The accessibility scan every page and dialog gets: axe-core with the WCAG 2.1 A and AA rules,
// in the light and in the dark theme (the console follows prefers-color-scheme), at 1024 and
// 1400 px, with a screenshot of each in test-results/screens/ for a person to look at.
import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { expect } from './fixtures';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The widths an owner's screens have: a small laptop's and a desktop's. */
const WIDTHS = [1024, 1400];

/** Scans `page` as it is now in both themes at both widths (or those given: a state that lasts
 *  only while a request is held must be scanned within the client's 30 s timeout), with a
 *  screenshot of each. Each violation is a soft failure: one run lists all. */
export async function scanBothThemes(page: Page, name: string, widths: number[] = WIDTHS) {
  const before = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: before?.height ?? 860 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      const found = results.violations.flatMap(v => v.nodes.map(n =>
        `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`));
      expect.soft(found, `axe: ${name}, ${colorScheme} theme, ${width} px`).toEqual([]);
      await page.screenshot({ path: `test-results/screens/${name}-${width}-${colorScheme}.png` });
    }
  }
  if (before) await page.setViewportSize(before);
  await page.emulateMedia({ colorScheme: null });
}
