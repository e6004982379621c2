// Drives /explore in Debian's headless Chromium as an analyst would, and prints what the page shows as one
// JSON object; ExplorerBrowserTest compares it with the API's own answers. Each step records its own error,
// so one broken behaviour fails its own test, not every test.
// Usage: node explore.mjs <base URL> <analyst bearer token> <screenshot folder> <expired token> <token the service refuses>
// Redirect sign-in runs against the test identity provider (OidcWiremockTestResource's login form).
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, analystToken, shots, expiredToken, rejectedToken] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'partnergraph-chromium-'));
// Failures the sign-in error steps provoke (the service's 401 for a refused token …) are kept apart.
const result = { errors: {}, outside: [], pageErrors: [], failed: [], provoked: [] };
const TIMEOUT = 30000;

// Debian's Chromium, never a downloaded build; no network beyond the page's own service.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1400, height: 1300 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

function watch(page, failed = result.failed) {
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['localhost', '127.0.0.1'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      result.outside.push(request.url());
    }
  });
  page.on('pageerror', (error) => result.pageErrors.push(String(error)));
  page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText} (page ${page.url()})`));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failed.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  return page;
}

async function step(name, page, run) {
  try {
    result[name] = await run();
  } catch (error) {
    const status = page ? await page.textContent('#status').catch(() => '?') : '?';
    result.errors[name] = `${error && error.stack || error}\npage status: "${status}"`;
    if (page) {
      await page.screenshot({ path: join(shots, `failure-${name}.png`), fullPage: true }).catch(() => {});
    }
  }
}

const drawnIds = (page) => page.evaluate(() => window.explorer.graph.nodeIds().sort());
const drawnEdges = (page) => page.evaluate(() => window.explorer.graph.cy.edges()
  .map((e) => ({ id: e.data('edgeId'), type: e.data('type'), from: e.data('source'), to: e.data('target') })));
const waitFor = (page, name, value) => page.waitForFunction(([n, v]) => v === undefined
  ? document.body.dataset[n] !== undefined : document.body.dataset[n] === v, [name, value], { timeout: TIMEOUT });

// Cytoscape's :visible keeps a cached answer for edges; the computed display is what is drawn.
const visible = (page) => page.evaluate(() => {
  const shown = (element) => element.style('display') !== 'none';
  const nodes = window.explorer.graph.cy.nodes().filter(shown);
  const edges = window.explorer.graph.cy.edges().filter((e) => shown(e) && shown(e.source()) && shown(e.target()));
  return { nodes: nodes.map((n) => n.id()).sort(), edges: edges.map((e) => e.data('edgeId')).sort(),
    programmeYears: nodes.filter('[type = "Programme"]').map((n) => n.data('year') ?? null),
    since: edges.map((e) => e.data('since') ?? null) };
});

const page = watch(await context.newPage());

// 1. Anonymous: search in Chinese, the first hit is focused and drawn with its supporters.
await step('search', page, async () => {
  await page.goto(`${base}/explore`);
  await page.fill('#search-text', '喀什理工');
  await page.click('#search-form button');
  await waitFor(page, 'focused');
  await waitFor(page, 'panel');
  const seen = {
    focused: await page.evaluate(() => document.body.dataset.focused),
    hits: await page.$$eval('#hits button', (buttons) => buttons.map((b) => ({ id: b.dataset.id, text: b.textContent }))),
    url: page.url(),
    nodes: await drawnIds(page),
    edges: await drawnEdges(page),
    panelSupporters: await page.$$eval('#supporters li', (items) => items.map((li) => li.dataset.id)),
    supporterLines: await page.$$eval('#supporters li', (items) => items.map((li) => li.textContent)),
    citations: await page.$$eval('#citations li', (items) => items.map((li) => ({
      title: li.querySelector('.doc-title').textContent,
      number: li.querySelector('.doc-number')?.textContent ?? null,
      quote: li.querySelector('.quote').textContent,
      stated: li.querySelector('.badge').textContent }))),
    signInMessage: await page.textContent('#analyst-body'),
  };
  await page.screenshot({ path: join(shots, 'search-kashgar.png'), fullPage: true });
  return seen;
});

// 2. Filters: leave out departments, then SUPPORTS links, then keep one year; undo each.
await step('filters', page, async () => {
  await page.uncheck('#kind-filter input[value="Department"]');
  const withoutDepartments = await visible(page);
  await page.check('#kind-filter input[value="Department"]');
  await page.uncheck('#type-filter input[value="SUPPORTS"]');
  const withoutSupports = await visible(page);
  await page.check('#type-filter input[value="SUPPORTS"]');
  const year = await page.$eval('#year-filter', (select) => select.options[1].value);
  await page.selectOption('#year-filter', year);
  const inYear = { year: Number(year), ...await visible(page) };
  await page.selectOption('#year-filter', { index: 0 });
  return { all: await visible(page), withoutDepartments, withoutSupports, inYear };
});

// 3. Click the first supporter in the drawing (a real mouse click on the canvas): its neighbours are added.
await step('expand', page, async () => {
  const target = result.search.panelSupporters[0];
  const before = await drawnIds(page);
  const point = await page.evaluate((id) => {
    const node = window.explorer.graph.cy.getElementById(id);
    if (node.empty()) {
      throw new Error(`the supporter ${id} is not drawn`);
    }
    window.explorer.graph.cy.center(node);
    const box = document.getElementById('cy').getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, target);
  await page.mouse.click(point.x, point.y);
  await waitFor(page, 'expanded');
  await page.waitForTimeout(400); // the fit animation, for the screenshot
  await page.screenshot({ path: join(shots, 'expanded.png'), fullPage: true });
  return { target, before, clicked: await page.evaluate(() => document.body.dataset.expanded), after: await drawnIds(page) };
});

// 4. Charts: the total shown, and the bars by year (one group per programme, so they add up to it).
await step('chart', page, async () => {
  await waitFor(page, 'chart');
  await page.selectOption('#chart-by', 'YEAR');
  await waitFor(page, 'chart', 'YEAR');
  return {
    total: Number(await page.getAttribute('#chart-total', 'data-funding-wan')),
    totalText: await page.textContent('#chart-total'),
    byYear: await page.evaluate(() => window.explorer.charts.chart.getOption().series[0].data),
    categories: await page.evaluate(() => window.explorer.charts.chart.getOption().xAxis[0].data),
  };
});

// 5. A deep link to the focus opens the same view; 6. the path finder from there.
const linked = watch(await context.newPage());
await step('deepLink', linked, async () => {
  await linked.goto(`${base}/explore?focus=${encodeURIComponent(result.search.focused)}`);
  await waitFor(linked, 'focused');
  return { focused: await linked.evaluate(() => document.body.dataset.focused), nodes: await drawnIds(linked) };
});
await step('path', linked, async () => {
  await linked.fill('#path-to', '沪滇联盟');
  await linked.click('#path-form button');
  await waitFor(linked, 'path');
  return { ids: await linked.evaluate(() => document.body.dataset.path), status: await linked.textContent('#status') };
});

// 7. Signed in with an analyst's token (the sign-in form), the network view and the exports load.
const analyst = watch(await context.newPage());
await step('analyst', analyst, async () => {
  await analyst.goto(`${base}/explore?focus=${encodeURIComponent(result.search.focused)}`);
  await waitFor(analyst, 'focused');
  await analyst.click('#token-sign-in summary');
  await analyst.fill('#token', analystToken);
  await analyst.click('#token-save');
  await analyst.waitForSelector('#network tbody tr', { timeout: TIMEOUT });
  const seen = {
    signedInAs: await analyst.textContent('#sign-in-state'),
    rows: await analyst.$$eval('#network tbody tr', (rows) => rows.map((r) => r.querySelector('td').textContent)),
    exports: await analyst.$$eval('#exports button', (buttons) => buttons.map((b) => b.textContent)),
    signInMessage: await analyst.$('#analyst-signin') !== null,
  };
  await analyst.screenshot({ path: join(shots, 'analyst.png'), fullPage: true });
  // The export button fetches with the token and hands the file to the browser as a download.
  const [download] = await Promise.all([analyst.waitForEvent('download', { timeout: TIMEOUT }),
    analyst.click('#exports button:nth-of-type(3)')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  seen.download = { name: download.suggestedFilename(), nodes: exported.elements.nodes.map((n) => n.data.id).sort() };
  return seen;
});

// 8. A deep link to nothing: the page says so in its own words.
const missing = watch(await context.newPage(), result.provoked);
await step('unknownFocus', missing, async () => {
  await missing.goto(`${base}/explore?focus=no-such-node`);
  await waitFor(missing, 'missing');
  return { status: await missing.textContent('#status'), panel: await missing.textContent('#panel') };
});

// 9. Redirect sign-in: the identity provider's login form, back on the same view signed in, the analyst
// views and an export; then sign out.
const oidc = watch(await context.newPage());
const session = (page) => page.evaluate(() => ({ token: sessionStorage.getItem('partnergraph.explorer.token'),
  pending: sessionStorage.getItem('partnergraph.explorer.sign-in') }));
const toIdentityProvider = async (page) => {
  // After the page's own requests (the chart), so leaving it aborts none.
  await waitFor(page, 'signIn');
  await waitFor(page, 'chart');
  await page.click('#sign-in-button');
  await page.waitForSelector('#login', { timeout: TIMEOUT });
  return Object.fromEntries(new URL(page.url()).searchParams);
};
const signInSeen = async (page) => ({ url: page.url(), state: await page.textContent('#sign-in-state'),
  signIn: await page.evaluate(() => document.body.dataset.signIn), message: await page.textContent('#sign-in-message'),
  ...await session(page) });
await step('oidc', oidc, async () => {
  const focused = result.search.focused;
  await oidc.goto(`${base}/explore?focus=${encodeURIComponent(focused)}`);
  await waitFor(oidc, 'focused');
  const before = { state: await oidc.textContent('#sign-in-state'), button: await oidc.isVisible('#sign-in-button') };
  const authorize = await toIdentityProvider(oidc);
  const atProvider = new URL(oidc.url()).origin;
  await oidc.fill('#username', 'alice');
  await oidc.fill('#password', 'alice');
  await oidc.click('#login');
  await waitFor(oidc, 'focused', focused);
  // The focus redraws the analyst view once more: read the table when that is done.
  await oidc.waitForSelector('#network tbody tr', { timeout: TIMEOUT });
  const seen = { before, authorize, atProvider, after: await signInSeen(oidc),
    rows: await oidc.$$eval('#network tbody tr', (rows) => rows.map((r) => r.querySelector('td').textContent)),
    signInButton: await oidc.isVisible('#sign-in-button') };
  await oidc.screenshot({ path: join(shots, 'signed-in.png'), fullPage: true });
  const [download] = await Promise.all([oidc.waitForEvent('download', { timeout: TIMEOUT }),
    oidc.click('#exports button:nth-of-type(3)')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  seen.download = { name: download.suggestedFilename(), nodes: exported.elements.nodes.length };
  await oidc.click('#sign-out');
  await oidc.waitForSelector('#analyst-signin', { timeout: TIMEOUT });
  seen.signedOut = { ...await signInSeen(oidc), analyst: await oidc.textContent('#analyst-body'),
    signInButton: await oidc.isVisible('#sign-in-button') };
  return seen;
});

// 10. An answer whose state was changed on the way is refused, and no code is exchanged.
const refused = watch(await context.newPage(), result.provoked);
await step('tamperedState', refused, async () => {
  await refused.goto(`${base}/explore`);
  const authorize = await toIdentityProvider(refused);
  await refused.$eval('#state', (input) => { input.value = `${input.value}x`; });
  await refused.click('#login');
  await waitFor(refused, 'signInMessage');
  await waitFor(refused, 'chart');
  return { authorize, ...await signInSeen(refused) };
});

// 11. The user refuses at the identity provider (error=access_denied): a clear message, the view kept.
await step('accessDenied', refused, async () => {
  const focused = result.search.focused;
  await refused.goto(`${base}/explore?focus=${encodeURIComponent(focused)}`);
  await waitFor(refused, 'focused', focused);
  const authorize = await toIdentityProvider(refused);
  await refused.goto(`${base}/explore?error=access_denied&error_description=${encodeURIComponent('The user declined')}`
    + `&state=${encodeURIComponent(authorize.state)}`);
  await waitFor(refused, 'signInMessage');
  await waitFor(refused, 'focused', focused);
  await waitFor(refused, 'chart');
  return { ...await signInSeen(refused) };
});

// 12. A pasted token that has expired is dropped before it is sent; 13. a token the service refuses (401)
// signs the user out, and the public view still loads.
await step('expired', refused, async () => {
  await refused.goto(`${base}/explore`);
  await waitFor(refused, 'signIn');
  await refused.click('#token-sign-in summary');
  await refused.fill('#token', expiredToken);
  await refused.click('#token-save');
  await waitFor(refused, 'signInMessage');
  await waitFor(refused, 'chart');
  return { ...await signInSeen(refused), analyst: await refused.textContent('#analyst-body') };
});
await step('rejected', refused, async () => {
  const focused = result.search.focused;
  await refused.evaluate((t) => sessionStorage.setItem('partnergraph.explorer.token', t), rejectedToken);
  await refused.goto(`${base}/explore?focus=${encodeURIComponent(focused)}`);
  await waitFor(refused, 'signInMessage');
  await waitFor(refused, 'focused', focused);
  return { ...await signInSeen(refused), nodes: await drawnIds(refused) };
});

await context.close();
rmSync(profile, { recursive: true, force: true });
// Also kept beside the screenshots, to read when a test fails.
writeFileSync(join(shots, 'result.json'), JSON.stringify(result, null, 1));
console.log(`RESULT ${JSON.stringify(result)}`);
