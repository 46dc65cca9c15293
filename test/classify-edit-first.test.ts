/**
 * Which trigger: the changed words first, the section second; the controller wherever it is named;
 * and reasons that name a section as the reader now finds it.
 */
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../src/revision.js';
import { policyFrom } from './helpers/policies.js';

const policy = (opening: string, vendors: string, heading = 'How we handle your data') => `# Privacy Policy

${opening}

## ${heading}

We use the following service providers: ${vendors}. We keep your account data for two years.

## Changes

Material changes include:

- the main recipients of your personal data;
- the company that controls your personal data;
- the purposes of processing or where we store your data.
`;

const opening = 'Acme Tools Ltd ("Acme", "we", "us") runs the Acme app.';

describe('the edit first, the section second', () => {
  it('a vendor swapped is the recipients trigger, whatever the heading says', () => {
    const r = comparePolicies(policyFrom(policy(opening, 'Hetzner Online GmbH (hosting) and Mailgun Technologies, Inc. (e-mail)')), policyFrom(policy(opening, 'Hetzner Online GmbH (hosting) and Postmark Labs, Inc. (e-mail)')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([1]);
  });

  it('the company that is "we", renamed in the opening paragraph, is the controller trigger', () => {
    const r = comparePolicies(policyFrom(policy(opening, 'Hetzner Online GmbH')), policyFrom(policy('Acme Holdings Inc. ("Acme", "we", "us") runs the Acme app.', 'Hetzner Online GmbH')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([2]);
    expect(r.changes.find((c) => c.level === 'major')!.rules).toContain('term-changed');
  });

  it('the same in a raw HTML policy whose quotation marks are character references', () => {
    const html = (name: string) => `<h1>Privacy Notice</h1>\n\n<p>${name} (&ldquo;Lumen,&rdquo; &ldquo;we,&rdquo; &ldquo;us&rdquo;) runs the Lumen reading app.</p>\n\n<h2>Who receives your data</h2>\n\n<p>We use Hetzner Online GmbH for hosting.</p>\n\n<h2>Changes</h2>\n\n<p>Material changes include:</p>\n\n<ul>\n<li>the main recipients of your personal data;</li>\n<li>the company that controls your personal data;</li>\n<li>the purposes of processing or where we store your data.</li>\n</ul>\n`;
    const r = comparePolicies(policyFrom(html('Lumen Reading Co.')), policyFrom(html('Lumen Media Group, Inc.')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([2]);
  });

  it('after a heading is renamed, the reason names the new heading', () => {
    const before = policy(opening, 'Hetzner Online GmbH');
    const after = policy(opening, 'Hetzner Online GmbH', 'Your data and who receives it').replace('two years', 'five years');
    const r = comparePolicies(policyFrom(before), policyFrom(after));
    const change = r.changes.find((c) => c.level === 'major')!;
    expect(change.reasons[0]).toContain('"Your data and who receives it"');
    expect(change.reasons[0]).not.toContain('"How we handle your data"');
  });
});

describe('the edit first, among triggers of one family', () => {
  const list = `## What counts as a material change

Material changes include:

1. new purposes of processing or new kinds of data we collect;
2. new countries where we store your files;
3. new sub-processors.
`;
  const doc = (row: string) => `# Privacy Notice

Quillby Ltd ("we") runs the Quillby notes app.

## Sub-processors

| Provider | Service | Data | Location |
|---|---|---|---|
| Northwind Hosting | Hosting | All data | ${row} |

${list}`;

  it('a country of storage added in a table of vendors is the storage trigger, not the purposes one', () => {
    const r = comparePolicies(policyFrom(doc('Ireland')), policyFrom(doc('Ireland; Canada (for customers who ask for it)')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([2]);
  });
});

describe('a cap on liability in terms of service', () => {
  const terms = (cap: string) => `# Terms of Service

## 5. Fees

Sellers pay a commission of 4% on each sale.

## 9. Limitation of liability

We are not liable for lost profits. Our total liability for any claim is limited to ${cap}.

## 12. Changes to these Terms

Material changes to these Terms include:

1. a new fee or a higher commission;
2. a change that limits our liability to you;
3. a change to how disputes are resolved.
`;

  it('is the liability trigger, though it is an amount of money', () => {
    const r = comparePolicies(policyFrom(terms('$250 or the fees you paid in the last 6 months')), policyFrom(terms('$50 or the fees you paid in the last 3 months')));
    expect(r.level).toBe('major');
    expect(r.triggers).toEqual([2]);
  });
});
