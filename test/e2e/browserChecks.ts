// What the harness checks in the page when the suite asks for it. The suite sets the
// editor up (opens a file, shows a view, triggers the hover) and logs a request; the
// harness answers with what the user would see. Keeping the expected texts in the suite
// keeps this file generic.
import * as path from 'path';
import type { Page } from 'playwright-core';
import type { UiRequest } from './protocol';

const TIMEOUT = 15_000;

async function expectTexts(page: Page, selector: string, texts: string[]): Promise<void> {
  for (const text of texts) {
    await page.locator(selector).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  }
}

export async function runUiCheck(page: Page, req: UiRequest, screenshotDir: string): Promise<void> {
  switch (req.step) {
    case 'squiggle':
      await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: TIMEOUT });
      break;
    case 'problems':
      await expectTexts(page, '.markers-panel .monaco-list-row', req.texts);
      break;
    case 'hover':
      await expectTexts(page, '.monaco-hover', req.texts);
      break;
    case 'tree': {
      // The container's icon in the activity bar, then the view's rows in the side bar.
      const [container, ...rows] = req.texts;
      await page.locator(`.activitybar .action-item a[aria-label^="${container}"], .activitybar .action-item[aria-label^="${container}"]`).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await expectTexts(page, '.part.sidebar .monaco-list-row', rows);
      break;
    }
    default:
      throw new Error(`unknown UI step ${JSON.stringify((req as UiRequest).step)}`);
  }
  // Let the hover or tree finish fading in before the picture is taken.
  await page.waitForTimeout(300);
  if (req.screenshot) await page.screenshot({ path: path.join(screenshotDir, req.screenshot) });
}
