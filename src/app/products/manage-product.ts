import { productDecider, type ProductCommand } from '../../domain/product/decider.js';
import type { ProductTerms } from '../../domain/product/events.js';
import { uuidv7 } from '../../eventstore/uuidv7.js';
import { occurredAtFor, runCommand, type AppServices, type CommandMeta, type CommandOutcome } from '../services.js';
import { productStream } from '../streams.js';

async function run(services: AppServices, meta: CommandMeta, productId: string, command: ProductCommand): Promise<CommandOutcome> {
  const { outcome } = await runCommand(services, {
    id: productId, streamId: productStream(productId), decider: productDecider, command, meta, occurredAt: occurredAtFor(services),
  });
  return outcome;
}

/** Defines a product (id given or a new UUIDv7) whose terms pass validation and the APR cap. */
export function defineProduct(services: AppServices, meta: CommandMeta, terms: ProductTerms, productId?: string): Promise<CommandOutcome> {
  const id = productId ?? uuidv7(services.clock.now().getTime());
  return run(services, meta, id, { type: 'DefineProduct', data: { productId: id, terms } });
}

/** A new version of the product's terms; loans already applied for keep the version they copied. */
export function amendProduct(services: AppServices, meta: CommandMeta, productId: string, terms: ProductTerms): Promise<CommandOutcome> {
  return run(services, meta, productId, { type: 'AmendProduct', data: { terms } });
}

/** Retires the product: no new applications; existing loans are untouched. */
export function retireProduct(services: AppServices, meta: CommandMeta, productId: string, reason: string | null): Promise<CommandOutcome> {
  return run(services, meta, productId, { type: 'RetireProduct', data: { reason } });
}
