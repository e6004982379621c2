// Views only analysts may see: supportNetwork (centrality and communities) and the exports. Anonymous
// visitors get a plain message instead of an error, so public use of the page is not spoiled.
import { ApiError, download, graphql, token } from './api.js';
import { NETWORK } from './queries.js';
import { el, show } from './dom.js';

const SIGN_IN = 'Sign in as an analyst (Sign in, top right) to see who holds the network together and to export the graph.';

function exportButtons(focusId, status) {
  const button = (label, path, file) => el('button', { type: 'button', onclick: async () => {
    try {
      await download(path, file);
      status.textContent = `Downloaded ${file}.`;
    } catch (e) {
      status.textContent = e.message;
    }
  } }, label);
  const focus = focusId ? `?focus=${encodeURIComponent(focusId)}&hops=2` : '';
  return el('p', { id: 'exports' }, 'Export ', focusId ? 'the neighbourhood (2 hops) of the focus' : 'the whole graph', ': ',
    button('GraphML (Gephi)', `/export/graph.graphml${focus}`, 'partnergraph.graphml'), ' ',
    button('CSV (Excel)', `/export/graph-csv.zip${focus}`, 'partnergraph-csv.zip'), ' ',
    button('Cytoscape JSON', `/export/cytoscape.json${focus}`, 'partnergraph-cytoscape.json'), ' ',
    status);
}

// Sign-in, sign-out and each new focus redraw this view; only the latest call may fill it, or a slower
// earlier one would put back a stale view (the whole graph's exports after a deep link's focus had loaded).
let latest = 0;

export async function renderAnalyst(container, focusId, onFocus) {
  const call = ++latest;
  if (!token()) {
    show(container, el('p', { className: 'signin-needed', id: 'analyst-signin' }, SIGN_IN));
    return;
  }
  show(container, el('p', { className: 'hint' }, 'Loading the support network …'));
  let network;
  try {
    ({ supportNetwork: network } = await graphql(NETWORK));
  } catch (e) {
    if (call !== latest) {
      return;
    }
    const text = e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN')
      ? `${e.message} ${SIGN_IN}` : e.message;
    show(container, el('p', { className: 'signin-needed', id: 'analyst-signin' }, text));
    return;
  }
  if (call !== latest) {
    return;
  }
  const rows = network.ranking.map((r) => el('tr', {},
    el('td', {}, el('button', { type: 'button', onclick: () => onFocus(r.organization.id) }, r.organization.label)),
    el('td', {}, String(r.partners)), el('td', {}, String(r.supports)), el('td', {}, String(r.supportedBy)),
    el('td', {}, r.betweenness.toFixed(3)), el('td', {}, String(r.community))));
  show(container,
    el('p', {}, `${network.organizations} organisations, ${network.links} support links, ${network.communities} communities. Ranked by betweenness:`),
    el('table', { id: 'network' },
      el('thead', {}, el('tr', {}, ['Organisation', 'Partners', 'Supports', 'Supported by', 'Betweenness', 'Community']
        .map((h) => el('th', {}, h)))),
      el('tbody', {}, rows)),
    exportButtons(focusId, el('span', { className: 'hint' })));
}
