// The TV app's index.html policy: every inline script an engine runs is allowed by its hash, including Vite's
// legacy loader (<script … data-src="…">System.import(…)</script>), which 2017 TVs run and modern browsers skip.
import { createHash } from 'node:crypto';
import { indexPolicy } from '../src/plugins/web-apps';

const hash = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;

describe('the TV app’s content security policy', () => {
  it('allows the legacy loader, whose data-src is not a src', () => {
    const loader = "System.import(document.getElementById('vite-legacy-entry').getAttribute('data-src'))";
    const html = `<script src="./palier-config.js"></script><script id="vite-legacy-entry" data-src="./assets/index-legacy.js">${loader}</script>`;
    const policy = indexPolicy(html);
    expect(policy).toContain(hash(loader));
    expect(policy.match(/'sha256-/g)).toHaveLength(1);
  });
});
