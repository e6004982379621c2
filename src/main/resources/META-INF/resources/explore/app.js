// The explorer page: search → focus a node → draw its neighbourhood and supporters → click to expand,
// filter, find paths; charts of the programmes; analyst views. The URL (?focus=<id>) names the view so an
// analyst can send it.
import { ApiError, claims, graphql, onSignOut, setToken, token } from './api.js';
import { completeSignIn, loadConfig, startSignIn } from './signin.js';
import { createGraph } from './graph.js';
import { createCharts } from './charts.js';
import { renderAnalyst } from './analyst.js';
import { renderMessage, renderPanel } from './panel.js';
import { el, show } from './dom.js';
import { FACTS, NEIGHBOURHOOD, PATH, SEARCH, SUPPORTERS } from './queries.js';

const $ = (id) => document.getElementById(id);
const status = $('status');
const panel = $('panel');
// The types supportersOf answers for; other nodes have no supporters to list.
const SUPPORTED_TYPES = new Set(['Organization', 'Department', 'Region']);
const LIMIT = 200;

const graph = createGraph($('cy'), (id) => expandAndSelect(id));
const charts = createCharts($('chart'), $('chart-total'));
const hidden = { kinds: new Set(), types: new Set() };
let focusId = null;
const config = await loadConfig();

// The browser tests (and a curious analyst's console) read the drawing and the chart from here.
window.explorer = { graph, charts };

function say(text, isError) {
  status.textContent = text;
  status.className = isError ? 'error' : '';
}

// A step the tests wait for: body[data-<name>] is set when it is done.
function done(name, value) {
  document.body.dataset[name] = value;
}

function supporterEdges(partnerships) {
  return {
    nodes: partnerships.flatMap((p) => [p.supporter, p.supported]),
    edges: partnerships.map((p) => ({ id: p.id, type: p.kind, from: p.supporter.id, to: p.supported.id,
      since: p.since, until: p.until, scheme: p.scheme, implied: p.implied, citations: p.citations })),
  };
}

async function supportersOf(node) {
  return SUPPORTED_TYPES.has(node.type) ? (await graphql(SUPPORTERS, { id: node.id })).supportersOf : null;
}

async function focus(id, push) {
  say('Loading …');
  delete document.body.dataset.focused;
  try {
    let neighbourhood;
    try {
      ({ neighbourhood } = await graphql(NEIGHBOURHOOD, { id, hops: 1, limit: LIMIT }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') {
        neighbourhood = null;
      } else {
        throw e;
      }
    }
    if (!neighbourhood) {
      // A deep link that names nothing (mistyped, or the node is gone): say so in the page's words.
      const text = `Nothing in the graph has the id “${id}”: the link may be mistyped or out of date. Search by name instead.`;
      say(text, true);
      renderMessage(panel, text, true);
      done('missing', id);
      return;
    }
    const centre = neighbourhood.nodes[0];
    const supporters = await supportersOf(centre);
    graph.clear();
    graph.add(neighbourhood.nodes, neighbourhood.edges);
    if (supporters) {
      const s = supporterEdges(supporters);
      graph.add(s.nodes, s.edges);
    }
    focusId = id;
    graph.setFocus(id);
    graph.layout(id);
    refreshFilters();
    $('path-from').value = id;
    const url = `/explore?focus=${encodeURIComponent(id)}`;
    if (push) {
      history.pushState({ focus: id }, '', url);
    } else {
      history.replaceState({ focus: id }, '', url);
    }
    document.title = `${centre.label} · PartnerGraph explorer`;
    say(`${centre.label}: ${graph.nodeIds().length} nodes${neighbourhood.truncated ? ' (cut at the limit)' : ''}. Click a node to expand it.`);
    await select(id, centre, supporters);
    renderAnalyst($('analyst-body'), focusId, (other) => focus(other, true));
    done('focused', id);
  } catch (e) {
    say(e.message, true);
  }
}

async function expandAndSelect(id) {
  delete document.body.dataset.expanded;
  try {
    const { neighbourhood } = await graphql(NEIGHBOURHOOD, { id, hops: 1, limit: LIMIT });
    const added = graph.add(neighbourhood.nodes, neighbourhood.edges, id);
    refreshFilters();
    say(`${neighbourhood.nodes[0].label}: ${added} new neighbours, ${graph.nodeIds().length} nodes drawn.`);
    await select(id);
    done('expanded', id);
  } catch (e) {
    say(e.message, true);
  }
}

async function select(id, knownNode, knownSupporters) {
  delete document.body.dataset.panel;
  const { node } = await graphql(FACTS, { id });
  const supporters = knownSupporters !== undefined && knownNode ? knownSupporters : await supportersOf(node);
  const labelOf = (nodeId) => graph.cy.getElementById(nodeId).data('label') || nodeId;
  renderPanel(panel, node, supporters, graph.edgesOf(id), labelOf, (other) => focus(other, true));
  done('panel', id);
}

async function search(text) {
  say('Searching …');
  const { search: hits } = await graphql(SEARCH, { text });
  show($('hits'), hits.map((h) => el('li', {}, el('button', { type: 'button', dataset: { id: h.node.id },
    onclick: () => focus(h.node.id, true) }, h.node.label, ' ', el('small', {}, h.node.subtype || h.node.type)))));
  if (!hits.length) {
    say(`Nothing matches ${text}.`);
    return;
  }
  await focus(hits[0].node.id, true);
}

// A path end may be typed as an id or as a name: an id that exists wins, otherwise the best search hit.
async function resolve(text) {
  const { node } = await graphql('query($id: ID!) { node(id: $id) { id } }', { id: text });
  if (node) {
    return node.id;
  }
  const { search: hits } = await graphql(SEARCH, { text });
  if (!hits.length) {
    throw new Error(`Nothing matches ${text}.`);
  }
  return hits[0].node.id;
}

async function findPath(fromText, toText) {
  delete document.body.dataset.path;
  say('Finding a path …');
  const [from, to] = await Promise.all([resolve(fromText), resolve(toText)]);
  const { shortestPath: path } = await graphql(PATH, { from, to });
  if (!path) {
    say(`${from} and ${to} are not connected within 6 hops.`);
    done('path', 'none');
    return;
  }
  graph.add(path.nodes, path.edges, from);
  graph.highlight(path.nodes.map((n) => n.id), path.edges.map((e) => e.id));
  refreshFilters();
  say(`Path of ${path.length} hops: ${path.nodes.map((n) => n.label).join(' → ')}`);
  done('path', path.nodes.map((n) => n.id).join(' '));
}

function checkboxes(container, legend, values, hiddenSet) {
  show(container, el('legend', {}, legend), values.map((value) => el('label', {},
    el('input', { type: 'checkbox', checked: !hiddenSet.has(value), value, onchange: (event) => {
      if (event.target.checked) {
        hiddenSet.delete(value);
      } else {
        hiddenSet.add(value);
      }
      applyFilters();
    } }), value, ' ')));
}

// The filters list what is drawn: kinds and relationship types come and go as the drawing grows.
function refreshFilters() {
  checkboxes($('kind-filter'), 'Kinds', graph.kinds(), hidden.kinds);
  checkboxes($('type-filter'), 'Relationships', graph.types(), hidden.types);
  const select = $('year-filter');
  const chosen = select.value;
  show(select, el('option', { value: '' }, 'all'), graph.years().map((y) => el('option', { value: String(y) }, String(y))));
  select.value = chosen;
  applyFilters();
}

function applyFilters() {
  const year = parseInt($('year-filter').value, 10) || null;
  graph.filter({ kinds: new Set(graph.kinds().filter((k) => !hidden.kinds.has(k))),
    types: new Set(graph.types().filter((t) => !hidden.types.has(t))), year });
}

// Shows who the token says the user is; the claims are only displayed, the service checks the token.
function showSignIn() {
  const current = token();
  document.body.dataset.signIn = current ? 'signed-in' : 'anonymous';
  $('sign-in-button').hidden = !config.redirectSignIn || Boolean(current);
  $('sign-out').hidden = !current;
  $('token-sign-in').hidden = Boolean(current);
  if (!current) {
    $('sign-in-state').textContent = 'Anonymous: public data only.';
    return;
  }
  const said = claims(current);
  $('sign-in-state').textContent = said
    ? `Signed in as ${said.preferred_username || said.sub || '?'} (${[].concat(said.groups || []).join(', ') || 'no roles'})`
    : 'Signed in (token not readable here; the service will judge it)';
}

function tell(text) {
  $('sign-in-message').textContent = text || '';
  $('sign-in-message').hidden = !text;
  if (text) {
    done('signInMessage', text);
  }
}

function signInChanged(text) {
  tell(text);
  showSignIn();
  renderAnalyst($('analyst-body'), focusId, (other) => focus(other, true));
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('search-text').value.trim();
  if (text) {
    search(text).catch((e) => say(e.message, true));
  }
});
$('path-form').addEventListener('submit', (event) => {
  event.preventDefault();
  findPath($('path-from').value.trim(), $('path-to').value.trim()).catch((e) => say(e.message, true));
});
$('year-filter').addEventListener('change', applyFilters);
$('chart-by').addEventListener('change', (event) => {
  delete document.body.dataset.chart;
  charts.load(event.target.value).then(() => done('chart', event.target.value)).catch((e) => say(e.message, true));
});
$('token-save').addEventListener('click', () => {
  setToken($('token').value);
  $('token').value = '';
  $('token-sign-in').open = false;
  signInChanged('');
});
$('sign-in-button').addEventListener('click', () => {
  tell('');
  // The view to come back to: the one drawn, or the one a deep link is still loading.
  const view = focusId || new URLSearchParams(location.search).get('focus');
  startSignIn(config, view).catch((e) => tell(e.message));
});
$('sign-out').addEventListener('click', () => {
  // The token leaves this tab; the identity provider's own session (its cookie) is not ended here.
  setToken(null);
  signInChanged('Signed out: public data only.');
});
onSignOut((reason) => signInChanged(reason));
window.addEventListener('popstate', (event) => {
  const id = (event.state && event.state.focus) || new URLSearchParams(location.search).get('focus');
  if (id) {
    focus(id, false);
  }
});

// Back from the identity provider, the code is exchanged before anything else asks the API.
const returned = await completeSignIn(config);
tell(returned && returned.error);
showSignIn();
renderAnalyst($('analyst-body'), focusId, (other) => focus(other, true));
charts.load($('chart-by').value).then(() => done('chart', $('chart-by').value)).catch((e) => say(e.message, true));
const initial = returned ? returned.focus : new URLSearchParams(location.search).get('focus');
if (initial) {
  focus(initial, false);
} else {
  renderMessage(panel, 'Search, then click a node to see its facts, supporters and sources.');
}
