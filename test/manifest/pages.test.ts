/** The two HTML pages and the Content-Security-Policy webpack.config.js gives them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contentSecurityPolicy, officeJsCdn } = require('../../webpack.config.js') as {
  contentSecurityPolicy(page: string, options: { development: boolean; officeJs?: string }): string;
  officeJsCdn(env: Record<string, string | undefined>): string;
};

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

describe('Content-Security-Policy', () => {
  test('the task pane allows scripts only from itself and Office.js’s CDN', () => {
    const csp = directives(contentSecurityPolicy('taskpane', { development: false }));
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self' https://appsforoffice.microsoft.com");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data:");
    expect(csp.get('connect-src')).toBe("'self'");
    for (const name of ['object-src', 'base-uri', 'form-action']) expect(csp.get(name)).toBe("'none'");
  });

  test('Office 365 operated by 21Vianet: OFFICE_JS_CDN=china loads office.js from its own CDN', () => {
    const china = officeJsCdn({ OFFICE_JS_CDN: 'china' });
    expect(china).toBe('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js');
    expect(officeJsCdn({})).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(() => officeJsCdn({ OFFICE_JS_CDN: 'elsewhere' })).toThrow('OFFICE_JS_CDN must be one of worldwide, china');
    const csp = directives(contentSecurityPolicy('taskpane', { development: false, officeJs: china }));
    expect(csp.get('script-src')).toBe("'self' https://appsforoffice.cdn.partner.office365.cn");
  });

  test('the standalone page loads nothing from elsewhere and connects nowhere', () => {
    const policy = contentSecurityPolicy('web', { development: false });
    const csp = directives(policy);
    expect(policy).not.toMatch(/https?:|unsafe-/);
    expect(csp.get('script-src')).toBe("'self'");
    // Only empty <style> elements (sha256 of ''), which Griffel fills through CSSOM.
    expect(csp.get('style-src')).toBe("'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(csp.get('connect-src')).toBe("'none'");
    // The dev server's live-reload socket is same-origin.
    expect(directives(contentSecurityPolicy('web', { development: true })).get('connect-src')).toBe("'self'");
  });
});

describe.each(['taskpane.html', 'web.html'])('%s', (name) => {
  const html = readFileSync(join(ROOT, 'src', 'taskpane', name), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);

  test('carries the policy in a <meta>, a #root with a loading line, and a <noscript> message', () => {
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="<%= csp %>" />');
    expect(html).toMatch(/<div id="root">\s*<p class="boot-message">正在加载党支部考核……<br \/>Loading Branch assessment…<\/p>/);
    expect(html).toMatch(/<noscript>\s*<p>本(加载项|页面)需要启用 JavaScript。/);
    expect(html).not.toMatch(/<script>(?!<\/script>)|\sstyle="|\son[a-z]+="/); // nothing inline for the CSP to block
  });

  test('runs legacy-check.js first; only the task pane loads Office.js', () => {
    expect(scripts[0]).toBe('legacy-check.js');
    expect(scripts.slice(1)).toEqual(name === 'taskpane.html' ? ['<%= officeJs %>'] : []);
  });
});
