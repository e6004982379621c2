// The drawing: a Cytoscape.js graph (served from the service's own jar) that grows as nodes are expanded.
import cytoscape from '/webjars/cytoscape/3.33.1/dist/cytoscape.esm.min.mjs';

// Alliances and vocational-education groups are organisations by type, but analysts read them as the
// network's hubs, so they get a colour (and a filter entry) of their own.
export function kindOf(node) {
  if (node.type === 'Organization' && (node.subtype === 'ALLIANCE' || node.subtype === 'VOCATIONAL_GROUP')) {
    return 'Alliance';
  }
  return node.type;
}

export const KIND_COLOURS = {
  Organization: '#2f6db5',
  Alliance: '#c2185b',
  Department: '#f08c00',
  Region: '#2e9d5b',
  Programme: '#7b4fc9',
  Agreement: '#6d4c41',
  Event: '#00838f',
  Major: '#b08900',
  StatedCount: '#78909c',
};

// Support relationships stand out (solid, thick, arrowed); membership is dashed; structure is thin and dotted.
const EDGE_STYLES = {
  PAIRED_WITH: { colour: '#d32f2f', style: 'solid', width: 3 },
  SUPPORTS: { colour: '#ef6c00', style: 'solid', width: 3 },
  CO_BUILDS: { colour: '#f9a825', style: 'solid', width: 2 },
  HOSTS: { colour: '#00897b', style: 'solid', width: 2 },
  MEMBER_OF: { colour: '#c2185b', style: 'dashed', width: 2 },
  SECRETARIAT_OF: { colour: '#880e4f', style: 'dashed', width: 3 },
  PARTY_TO: { colour: '#6d4c41', style: 'dashed', width: 2 },
  RUNS: { colour: '#7b4fc9', style: 'solid', width: 2 },
  TARGETS: { colour: '#9575cd', style: 'dashed', width: 2 },
  RESPONSIBLE_FOR: { colour: '#5e35b1', style: 'dotted', width: 2 },
  LOCATED_IN: { colour: '#66bb6a', style: 'dotted', width: 1 },
  PART_OF: { colour: '#9e9e9e', style: 'dotted', width: 1 },
  HAS_DEPARTMENT: { colour: '#9e9e9e', style: 'solid', width: 1 },
};
const OTHER_EDGE = { colour: '#90a4ae', style: 'solid', width: 1 };

function style() {
  const rules = [
    { selector: 'node', style: {
      label: 'data(short)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 2,
      // A light backing keeps a label legible where edges cross it.
      'text-background-color': '#fff', 'text-background-opacity': .75, 'text-background-padding': 1,
      'font-family': '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
      width: 18, height: 18, 'background-color': '#607d8b' } },
    { selector: 'node.focus', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#111' } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ffb300' } },
    { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': .7,
      'line-color': OTHER_EDGE.colour, 'target-arrow-color': OTHER_EDGE.colour, width: OTHER_EDGE.width } },
    { selector: 'edge[?implied]', style: { opacity: .55 } },
    { selector: '.path', style: { 'overlay-color': '#ffeb3b', 'overlay-opacity': .45, 'overlay-padding': 4 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
    rules.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': colour } });
  }
  for (const [type, s] of Object.entries(EDGE_STYLES)) {
    rules.push({ selector: `edge[type = "${type}"]`, style: {
      'line-color': s.colour, 'target-arrow-color': s.colour, 'line-style': s.style, width: s.width } });
  }
  return rules;
}

function yearOf(text) {
  const year = text ? parseInt(String(text).slice(0, 4), 10) : NaN;
  return Number.isNaN(year) ? null : year;
}

// Long event and programme names would cover the drawing; the side panel shows them whole.
function shorten(label) {
  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
}

export function createGraph(container, onTap) {
  const cy = cytoscape({ container, style: style(), wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
  cy.on('tap', 'node', (event) => onTap(event.target.id()));

  function addNode(node) {
    if (cy.getElementById(node.id).nonempty()) {
      return false;
    }
    cy.add({ group: 'nodes', data: {
      id: node.id, label: node.label, short: shorten(node.label), type: node.type, subtype: node.subtype,
      kind: kindOf(node), year: node.year ?? yearOf(node.date) } });
    return true;
  }

  // Edge ids get a prefix: a relationship id and a node id may be the same text.
  function addEdge(edge) {
    const id = `e:${edge.id}`;
    if (cy.getElementById(id).nonempty() || cy.getElementById(edge.from).empty() || cy.getElementById(edge.to).empty()) {
      return;
    }
    cy.add({ group: 'edges', data: {
      id, edgeId: edge.id, source: edge.from, target: edge.to, type: edge.type, since: edge.since, until: edge.until,
      scheme: edge.scheme, implied: edge.implied, citations: edge.citations || [] } });
  }

  return {
    cy,
    /**
     * Adds nodes and edges (a neighbourhood, a path, supporters) and returns the new nodes. With aroundId,
     * new nodes are placed on an arc around that node, on the side away from the drawing's centre, and
     * nothing already drawn moves: the analyst keeps the picture they were reading.
     */
    add(nodes, edges, aroundId) {
      const anchor = aroundId && cy.getElementById(aroundId).nonempty() ? cy.getElementById(aroundId) : null;
      const added = [];
      cy.batch(() => {
        nodes.forEach((node) => { if (addNode(node)) added.push(node.id); });
        edges.forEach(addEdge);
      });
      if (anchor && added.length) {
        const at = anchor.position();
        const others = cy.nodes().not(cy.collection(added.map((id) => cy.getElementById(id))));
        const box = others.boundingBox();
        const away = Math.atan2(at.y - (box.y1 + box.y2) / 2, at.x - (box.x1 + box.x2) / 2);
        const radius = 80 + 4 * added.length;
        added.forEach((id, i) => {
          const angle = away + (added.length === 1 ? 0 : (i / (added.length - 1) - .5) * Math.PI * 1.2);
          cy.getElementById(id).position({ x: at.x + radius * Math.cos(angle), y: at.y + radius * Math.sin(angle) });
        });
        cy.animate({ fit: { eles: cy.elements(), padding: 20 } }, { duration: 300 });
      }
      return added.length;
    },
    clear() {
      cy.elements().remove();
    },
    setFocus(id) {
      cy.nodes().removeClass('focus');
      cy.getElementById(id).addClass('focus');
    },
    /**
     * A focus is drawn in rings (itself, its neighbours, their neighbours such as a department's supporters):
     * a force layout piles a star of 30 nodes on top of itself, and rings keep every label apart.
     */
    layout(focus) {
      const depth = {};
      cy.elements().breadthFirstSearch({ root: cy.getElementById(focus), directed: false,
        visit: (node, edge, previous, index, level) => { depth[node.id()] = level; } });
      cy.layout({ name: 'concentric', animate: false, fit: true, padding: 20, minNodeSpacing: 22,
        concentric: (node) => 10 - (depth[node.id()] ?? 9), levelWidth: () => 1 }).run();
    },
    highlight(nodeIds, edgeIds) {
      cy.elements().removeClass('path');
      nodeIds.forEach((id) => cy.getElementById(id).addClass('path'));
      edgeIds.forEach((id) => cy.getElementById(`e:${id}`).addClass('path'));
    },
    nodeIds() {
      return cy.nodes().map((n) => n.id());
    },
    /** Edges touching a node, for the side panel's citations. */
    edgesOf(id) {
      return cy.getElementById(id).connectedEdges().map((e) => e.data());
    },
    kinds() {
      return [...new Set(cy.nodes().map((n) => n.data('kind')))].sort();
    },
    types() {
      return [...new Set(cy.edges().map((e) => e.data('type')))].sort();
    },
    years() {
      const years = new Set();
      cy.nodes().forEach((n) => n.data('year') && years.add(n.data('year')));
      cy.edges().forEach((e) => yearOf(e.data('since')) && years.add(yearOf(e.data('since'))));
      return [...years].sort();
    },
    /**
     * Hides what the filters leave out. A year keeps what was active then: programmes and events of that
     * year, relationships begun by then and not ended before it; undated facts stay, as the API counts them.
     */
    filter({ kinds, types, year }) {
      cy.batch(() => {
        cy.nodes().forEach((n) => {
          const y = n.data('year');
          const out = !kinds.has(n.data('kind')) || (year && y && y !== year);
          n.toggleClass('filtered', !!out);
        });
        cy.edges().forEach((e) => {
          const since = yearOf(e.data('since'));
          const until = yearOf(e.data('until'));
          const out = !types.has(e.data('type')) || (year && ((since && since > year) || (until && until < year)));
          e.toggleClass('filtered', !!out);
        });
      });
    },
  };
}
