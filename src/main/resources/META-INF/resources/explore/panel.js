// The side panel: what the graph holds about one node, who supports it, and every citation behind it.
import { el, show } from './dom.js';

function facts(node) {
  const rows = [['Type', node.subtype ? `${node.type} · ${node.subtype}` : node.type], ['Id', node.id]];
  const add = (name, value) => {
    if (value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) {
      rows.push([name, Array.isArray(value) ? value.join('、') : value]);
    }
  };
  add('Name', node.name);
  add('Short names', node.shortNames);
  add('English', node.nameEn);
  add('Level', node.level);
  add('Part of', node.parent && node.parent.label);
  add('Region', node.region && node.region.label);
  add('Organisation', node.organization && node.organization.label);
  add('Year', node.year);
  add('Mode', node.modeLabel ? `${node.mode} (${node.modeLabel})` : node.mode);
  add('Funding (万元)', node.fundingWan);
  add('Participants', node.participants);
  add('Duration', node.duration);
  add('Date', node.endDate ? `${node.date} – ${node.endDate}` : node.date);
  add('Date', node.agreementDate);
  add('Period', node.period);
  add('Count', node.count);
  add('Counts', node.description);
  return el('dl', {}, rows.map(([name, value]) => [el('dt', {}, name), el('dd', {}, String(value))]));
}

function period(since, until) {
  if (!since && !until) {
    return '';
  }
  return ` (${since || '?'} – ${until || 'now'})`;
}

function citation(c, about) {
  return el('li', { className: 'citation' },
    el('span', { className: `badge${c.implied ? ' implied' : ''}` }, c.implied ? 'implied' : 'stated'), ' ',
    el('cite', { className: 'doc-title' }, c.document.title),
    c.document.number ? [' ', el('span', { className: 'doc-number' }, c.document.number)] : null,
    about ? el('div', { className: 'about' }, about) : null,
    el('blockquote', { className: 'quote' }, c.quote));
}

/**
 * Renders the panel. supporters is null for types the API has no supporters for; edges are the drawn
 * relationships touching the node, whose citations belong to its story too.
 */
export function renderPanel(container, node, supporters, edges, labelOf, onFocus) {
  const focusButton = (id, label) => el('button', { type: 'button', className: 'link', onclick: () => onFocus(id) }, label);
  const parts = [el('h2', {}, node.label), facts(node)];

  if (supporters) {
    parts.push(el('h3', {}, `Supporters (${supporters.length})`));
    parts.push(supporters.length
      ? el('ul', { id: 'supporters' }, supporters.map((p) => el('li', { dataset: { id: p.supporter.id } },
        focusButton(p.supporter.id, p.supporter.label), ` ${p.kind} `,
        // Several programmes can link the same two nodes: name each, or the lines look the same.
        p.programme ? [el('span', { className: 'programme' }, '「', focusButton(p.programme.id, p.programme.label), '」'), ' '] : null,
        `→ ${p.supported.label}`,
        p.scheme ? ` · ${p.scheme}` : '', period(p.since, p.until),
        p.implied ? [' ', el('span', { className: 'badge implied' }, 'implied')] : null)))
      : el('p', {}, 'No organisation is recorded as supporting it.'));
  }

  // Every citation once: the node's own, its supporters' partnerships', and the drawn relationships'.
  const seen = new Set();
  const items = [];
  const collect = (list, about) => (list || []).forEach((c) => {
    const key = `${c.document.id}|${c.quote}`;
    if (!seen.has(key)) {
      seen.add(key);
      items.push(citation(c, about));
    }
  });
  collect(node.citations, '');
  (supporters || []).forEach((p) => collect(p.citations, `${p.supporter.label} ${p.kind} ${p.supported.label}`));
  edges.forEach((e) => collect(e.citations, `${labelOf(e.source)} ${e.type} ${labelOf(e.target)}`));
  parts.push(el('h3', {}, `Citations (${items.length})`));
  parts.push(items.length ? el('ul', { id: 'citations' }, items) : el('p', {}, 'No document is cited for it.'));
  show(container, ...parts);
}

export function renderMessage(container, text, isError) {
  show(container, el('p', { className: isError ? 'error' : 'hint' }, text));
}
