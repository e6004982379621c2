package org.partnergraph.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The measures on small networks whose answers are known by hand. */
class SupportNetworkTest {

    @Test
    void onAPathTheMiddleHoldsItTogether() {
        SupportNetwork network = SupportNetwork.of(List.of(List.of("a", "b"), List.of("b", "c")));
        Map<String, SupportNetwork.Position> p = network.positions();
        // The only pair of others, a and c, is joined through b: normalised 1 of 1.
        assertEquals(1.0, p.get("b").betweenness(), 1e-9);
        assertEquals(0.0, p.get("a").betweenness(), 1e-9);
        assertEquals(2, p.get("b").partners());
        assertEquals(1, p.get("b").supports());
        assertEquals(1, p.get("b").supportedBy());
        assertEquals(0, p.get("a").supportedBy());
        assertEquals(2, network.links());
    }

    @Test
    void aStarsCentreLiesOnEveryPathAndLinksBothWaysCountOncePerDirection() {
        SupportNetwork network = SupportNetwork.of(List.of(List.of("hub", "x"), List.of("hub", "y"), List.of("hub", "z"),
                List.of("z", "hub")));
        Map<String, SupportNetwork.Position> p = network.positions();
        // 3 pairs among x, y, z, all through the hub.
        assertEquals(1.0, p.get("hub").betweenness(), 1e-9);
        assertEquals(3, p.get("hub").partners());
        assertEquals(3, p.get("hub").supports());
        assertEquals(1, p.get("hub").supportedBy());
        assertEquals(1, p.get("z").supports());
        assertEquals(4, network.links());
        assertEquals(List.of("hub", "x", "y"), network.ranking(NetworkSort.BETWEENNESS, 3).stream()
                .map(SupportNetwork.Position::id).toList(), "ties by id");
    }

    @Test
    void twoTrianglesJoinedByABridgeAreTwoCommunitiesAndTheBridgeEndsRankFirst() {
        SupportNetwork network = SupportNetwork.of(List.of(
                List.of("a1", "a2"), List.of("a2", "a3"), List.of("a3", "a1"),
                List.of("b1", "b2"), List.of("b2", "b3"), List.of("b3", "b1"),
                List.of("a1", "b1")));
        Map<String, SupportNetwork.Position> p = network.positions();
        assertEquals(2, network.communities());
        assertEquals(p.get("a2").community(), p.get("a3").community());
        assertEquals(p.get("b2").community(), p.get("b3").community());
        assertNotEquals(p.get("a2").community(), p.get("b2").community());
        assertEquals(3, p.get("a2").communitySize());
        // a1 lies on every shortest path from a2 or a3 to b1, b2 or b3: 6 of the 10 pairs of the other five.
        assertEquals(6.0 / 10.0, p.get("a1").betweenness(), 1e-9);
        assertEquals(List.of("a1", "b1"), network.ranking(NetworkSort.BETWEENNESS, 2).stream()
                .map(SupportNetwork.Position::id).toList());
        // The same network, the same communities, every time.
        assertEquals(p.get("a1").community(), SupportNetwork.of(List.of(
                List.of("a1", "a2"), List.of("a2", "a3"), List.of("a3", "a1"),
                List.of("b1", "b2"), List.of("b2", "b3"), List.of("b3", "b1"),
                List.of("a1", "b1"))).positions().get("a1").community());
    }
}
