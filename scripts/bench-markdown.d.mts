/** Adversarial Markdown bodies by name: each returns Markdown of about `size` characters. */
export declare const ADVERSARIAL: Record<string, (size: number) => string>;
