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

async function expectGone(page: Page, selector: string, texts: string[]): Promise<void> {
  for (const text of texts) {
    const rows = page.locator(selector).filter({ hasText: text });
    const deadline = Date.now() + TIMEOUT;
    while ((await rows.count()) > 0) {
      if (Date.now() > deadline) throw new Error(`"${text}" is still shown`);
      await page.waitForTimeout(100);
    }
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
      await expectGone(page, '.part.sidebar .monaco-list-row', req.absent ?? []);
      break;
    }
    case 'input': {
      const box = page.locator('.quick-input-widget .quick-input-box input').first();
      await box.waitFor({ state: 'visible', timeout: TIMEOUT });
      await box.fill(req.texts[0] ?? '');
      await box.press('Enter');
      break;
    }
    default:
      throw new Error(`unknown UI step ${JSON.stringify((req as UiRequest).step)}`);
  }
  // Let the hover or tree finish fading in before the picture is taken.
  await page.waitForTimeout(300);
  if (req.screenshot) await page.screenshot({ path: path.join(screenshotDir, req.screenshot) });
}
