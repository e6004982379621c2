package org.partnergraph.network;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.partnergraph.common.LimitExceededException;
import org.partnergraph.common.Sizes;
import org.partnergraph.organization.Organization;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

/**
 * The support network's measures for analysts, computed on the projected network and kept until the graph
 * moves in the change log: asking again costs one small read while nothing was written.
 */
@ApplicationScoped
public class NetworkService {

    static final int RANKING_MAX = 1000;

    /** A computed network and the change-log position it was read at. */
    private record Computed(long lastChange, SupportNetwork network, Map<String, Organization> organizations) {
    }

    private final NetworkRepository repository;
    private final Access access;
    private final int maxLinks;
    private final AtomicReference<Computed> computed = new AtomicReference<>();

    NetworkService(NetworkRepository repository, Access access,
            @ConfigProperty(name = "partnergraph.network.max-links") int maxLinks) {
        this.repository = repository;
        this.access = access;
        this.maxLinks = maxLinks;
    }

    public SupportNetworkView network(NetworkSort sort, int first) {
        access.require(Roles.ANALYST);
        Sizes.within("first", first, RANKING_MAX);
        Computed current = current();
        List<NetworkPosition> ranking = current.network().ranking(sort == null ? NetworkSort.BETWEENNESS : sort, first)
                .stream().map(p -> new NetworkPosition(current.organizations().get(p.id()), p.partners(), p.supports(),
                        p.supportedBy(), p.betweenness(), p.community(), p.communitySize()))
                .toList();
        return new SupportNetworkView(current.lastChange(), current.network().positions().size(),
                current.network().links(), current.network().communities(), ranking);
    }

    /** The cached network while the graph has not moved; otherwise read and computed again, by one caller at a time. */
    private Computed current() {
        Computed cached = computed.get();
        if (cached != null && cached.lastChange() == repository.position()) {
            return cached;
        }
        synchronized (this) {
            cached = computed.get();
            if (cached != null && cached.lastChange() == repository.position()) {
                return cached;
            }
            NetworkRepository.Links links = repository.links(maxLinks + 1);
            if (links.links().size() > maxLinks) {
                throw new LimitExceededException("supportNetwork: the support network has more than " + maxLinks
                        + " links, more than this deployment analyses (partnergraph.network.max-links).");
            }
            Computed fresh = new Computed(links.lastChange(), SupportNetwork.of(links.links()),
                    links.organizations().stream().collect(Collectors.toMap(Organization::id, o -> o, (a, b) -> a)));
            computed.set(fresh);
            return fresh;
        }
    }
}
