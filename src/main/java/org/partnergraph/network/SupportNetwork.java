package org.partnergraph.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm.Clustering;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.SimpleGraph;

/**
 * Measures of a support network given as (supporter, supported) links: how many partners each member has,
 * whom it supports and who supports it; its betweenness (the share of shortest paths between two other
 * members that pass through it: who holds the network together), on the undirected network; and its
 * community (label propagation, seeded so the same network always gives the same communities, numbered by
 * size, largest first, from 1).
 */
public final class SupportNetwork {

    /** The seed of label propagation: communities must not change between two asks of an unchanged network. */
    private static final long SEED = 20261201L;

    /** Label propagation settles in a few rounds on sparse networks; the bound keeps an oscillating one finite. */
    private static final int MAX_ITERATIONS = 100;

    /** One member's measures. */
    public record Position(String id, int partners, int supports, int supportedBy, double betweenness,
            int community, int communitySize) {
    }

    private final Map<String, Position> positions;
    private final int links;
    private final int communities;

    private SupportNetwork(Map<String, Position> positions, int links, int communities) {
        this.positions = positions;
        this.links = links;
        this.communities = communities;
    }

    /** Computes every measure of the network these links make (their ends are its members). */
    public static SupportNetwork of(List<List<String>> supportLinks) {
        SimpleDirectedGraph<String, DefaultEdge> directed = new SimpleDirectedGraph<>(DefaultEdge.class);
        SimpleGraph<String, DefaultEdge> undirected = new SimpleGraph<>(DefaultEdge.class);
        for (List<String> link : supportLinks) {
            for (String end : link) {
                directed.addVertex(end);
                undirected.addVertex(end);
            }
            directed.addEdge(link.get(0), link.get(1));
            undirected.addEdge(link.get(0), link.get(1));
        }
        // Normalised so a member on every shortest path between the others scores 1, whatever the network's size:
        // the raw scores count each pair of others once, and there are (n-1)(n-2)/2 such pairs. (JGraphT's own
        // normalisation divides by (n-1)(n-2), the directed count, which caps undirected scores at one half.)
        Map<String, Double> raw = new BetweennessCentrality<>(undirected, false).getScores();
        int n = undirected.vertexSet().size();
        double pairs = n < 3 ? 1 : (n - 1) * (double) (n - 2) / 2;
        Map<String, Double> betweenness = new HashMap<>();
        raw.forEach((member, score) -> betweenness.put(member, score / pairs));
        Clustering<String> clustering = new LabelPropagationClustering<>(undirected, MAX_ITERATIONS, new Random(SEED)).getClustering();
        List<Set<String>> clusters = new ArrayList<>(clustering.getClusters());
        // Largest first; equal sizes by their smallest member, so numbering does not depend on the algorithm's order.
        clusters.sort(Comparator.comparingInt((Set<String> c) -> -c.size())
                .thenComparing(c -> c.stream().min(Comparator.naturalOrder()).orElse("")));
        Map<String, Integer> community = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (String member : clusters.get(i)) {
                community.put(member, i + 1);
            }
        }
        Map<String, Position> positions = new HashMap<>();
        for (String member : undirected.vertexSet()) {
            int c = community.get(member);
            positions.put(member, new Position(member, undirected.degreeOf(member), directed.outDegreeOf(member),
                    directed.inDegreeOf(member), betweenness.get(member), c, clusters.get(c - 1).size()));
        }
        return new SupportNetwork(Map.copyOf(positions), directed.edgeSet().size(), clusters.size());
    }

    public Map<String, Position> positions() {
        return positions;
    }

    public int links() {
        return links;
    }

    public int communities() {
        return communities;
    }

    /** The first {@code n} members by the measure, then by id. */
    public List<Position> ranking(NetworkSort sort, int n) {
        Comparator<Position> measure = switch (sort) {
            case BETWEENNESS -> Comparator.comparingDouble(Position::betweenness);
            case PARTNERS -> Comparator.comparingInt(Position::partners);
            case SUPPORTS -> Comparator.comparingInt(Position::supports);
            case SUPPORTED_BY -> Comparator.comparingInt(Position::supportedBy);
        };
        return positions.values().stream().sorted(measure.reversed().thenComparing(Position::id)).limit(n).toList();
    }
}
