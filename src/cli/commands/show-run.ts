/** Implementation of `policy show`. */
import { readReference } from '../../archive/reference.js';
import { readConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { EXIT, PolicyError } from '../../errors.js';

/** Prints the archived version a reference names, exactly as archived. */
export async function runShow(ctx: Context, reference: string): Promise<number> {
  const { config } = await readConfig(ctx);
  const archived = await readReference(reference, ctx, config);
  let text: string;
  try {
    // ignoreBOM keeps a byte-order mark, so valid UTF-8 is written back byte for byte.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(archived.bytes);
  } catch (error) {
    throw new PolicyError('NOT_UTF8', `${archived.path}: not valid UTF-8`, {}, { cause: error });
  }
  ctx.stdout.write(text);
  return EXIT.ok;
}
