import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineProductBody, toProductTerms } from '../api/schemas/products.js';
import { productDecider } from '../domain/product/decider.js';
import type { ProductTerms } from '../domain/product/events.js';
import { DomainError } from '../domain/errors.js';
import type { BookProblem } from './book-errors.js';
import { PRODUCTS_FILE } from './layout.js';

/** A product the book brings (products.json), with its terms as the API would accept them. */
export interface BookProduct {
  productId: string;
  terms: ProductTerms;
}

/**
 * Reads the optional products.json: an array of product definitions as POST /v1/products takes
 * them, each with its productId. Each is checked as the API and the product decider would; problems
 * name the entry and field.
 */
export function readBookProducts(dir: string, problems: BookProblem[]): BookProduct[] {
  const full = path.join(dir, PRODUCTS_FILE);
  if (!existsSync(full)) return [];
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    problems.push({ file: PRODUCTS_FILE, line: null, column: null, message: `not JSON: ${(error as Error).message}` });
    return [];
  }
  if (!Array.isArray(entries)) {
    problems.push({ file: PRODUCTS_FILE, line: null, column: null, message: 'expected an array of product definitions' });
    return [];
  }
  const products: BookProduct[] = [];
  entries.forEach((entry, i) => {
    const parsed = defineProductBody.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file: PRODUCTS_FILE, line: null, column: `[${i}].${issue.path.join('.')}`, message: issue.message });
      return;
    }
    const { productId, ...body } = parsed.data;
    if (productId === undefined) {
      problems.push({ file: PRODUCTS_FILE, line: null, column: `[${i}].productId`, message: 'required: loans.csv names products by id' });
      return;
    }
    const terms = toProductTerms(body);
    try {
      productDecider.decide({ type: 'DefineProduct', data: { productId, terms } }, productDecider.initialState());
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ file: PRODUCTS_FILE, line: null, column: `[${i}]`, message: `${error.code}: ${error.message}` });
      return;
    }
    products.push({ productId, terms });
  });
  return products;
}
