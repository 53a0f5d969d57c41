import type { Locator, Page } from 'playwright-core';

/**
 * The cell of `date` (YYYY-MM-DD) in the open antd date picker, its month brought into view first
 * with the header's previous/next buttons: the picker opens on the month of its value (the business
 * date), so a day in another month — a disbursement 20 days back on the 5th — has no cell until
 * then, and a day at the grid's edge may show in a neighbour month's place.
 */
export async function pickerCell(page: Page, date: string): Promise<Locator> {
  const dropdown = page.locator('.ant-picker-dropdown:visible');
  const month = date.slice(0, 7);
  for (let step = 0; step < 36; step++) {
    const cell = dropdown.locator(`td.ant-picker-cell-in-view[title="${date}"]`);
    if (await cell.count() > 0) return cell;
    const shown = ((await dropdown.locator('td.ant-picker-cell-in-view').first().getAttribute('title')) ?? '').slice(0, 7);
    await dropdown.locator(month < shown ? '.ant-picker-header-prev-btn' : '.ant-picker-header-next-btn').click();
  }
  throw new Error(`the date picker never showed ${date}`);
}
