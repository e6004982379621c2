// The GraphQL documents the page sends. Node fields come from the Node interface (label, type, subtype),
// so a drawing needs no fragment per type; the year a filter needs does.

const BASIC = 'id label type subtype';
const NODE = `${BASIC} ... on Programme { year } ... on Event { date }`;
const CITATION = 'implied quote document { id title number }';
const EDGE = `id type from to since until scheme implied citations { ${CITATION} }`;

export const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 8) { score node { id label type subtype } } }`;

export const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $hops: Int, $limit: Int) {
  neighbourhood(id: $id, hops: $hops, limit: $limit) { truncated nodes { ${NODE} } edges { ${EDGE} } } }`;

export const SUPPORTERS = `query Supporters($id: ID!) {
  supportersOf(id: $id) { id kind since until scheme implied programme { id label }
    supporter { ${BASIC} } supported { ${NODE} } citations { ${CITATION} } } }`;

// One fragment per type for the facts only that type has; citations are on every type.
export const FACTS = `query Facts($id: ID!) {
  node(id: $id) { id label type subtype
    ... on Organization { name shortNames nameEn kind region { id label } citations { ${CITATION} } }
    ... on Department { name shortNames organization { id label } citations { ${CITATION} } }
    ... on Region { name shortNames nameEn level parent { id label } citations { ${CITATION} } }
    ... on Programme { name year mode modeLabel fundingWan participants duration citations { ${CITATION} } }
    ... on Agreement { name agreementDate: date period citations { ${CITATION} } }
    ... on Event { name date endDate participants citations { ${CITATION} } }
    ... on Major { name citations { ${CITATION} } }
    ... on StatedCount { count description citations { ${CITATION} } } } }`;

export const PATH = `query Path($from: ID!, $to: ID!) {
  shortestPath(fromId: $from, toId: $to, maxHops: 6) { length nodes { ${NODE} } edges { ${EDGE} } } }`;

export const BREAKDOWN = `query Breakdown($by: [ProgrammeDimension!]!) {
  programmeBreakdown(by: $by) { multiCounted total { programmes fundingWan participants }
    groups { notAssigned year mode province { label } prefecture { label } county { label }
      figures { programmes fundingWan participants } } } }`;

export const NETWORK = `query Network {
  supportNetwork(first: 15) { organizations links communities
    ranking { organization { id label } partners supports supportedBy betweenness community } } }`;
