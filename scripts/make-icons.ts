/**
 * Renders icons/icon.svg to icons/icon-{16,32,48,128}.png with Debian's Chromium.
 * The browser rasterises the SVG exactly as the toolbar would, and `omitBackground`
 * keeps the transparency. Run after editing the SVG: `npx tsx scripts/make-icons.ts`;
 * the PNGs are committed, so builds never need a browser for icons.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const ICONS_DIR = fileURLToPath(new URL('../icons/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  const svg = await readFile(`${ICONS_DIR}icon.svg`);
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of ICON_SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block}</style><img width="${size}" height="${size}" alt="">`,
      );
      await page.locator('img').evaluate(async (img: HTMLImageElement, url: string) => {
        img.src = url;
        await img.decode();
      }, src);
      const out = `${ICONS_DIR}icon-${size}.png`;
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${out}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
