package org.partnergraph.region;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.NotFoundException;

@ApplicationScoped
public class RegionService {

    private final RegionRepository repository;

    RegionService(RegionRepository repository) {
        this.repository = repository;
    }

    public Optional<Region> byId(String id) {
        return repository.byId(id);
    }

    public List<Region> list(RegionLevel level, String parentId) {
        if (parentId != null && repository.byId(parentId).isEmpty()) {
            throw new NotFoundException("parentId: no region has the id '" + parentId + "'.");
        }
        return repository.list(level == null ? null : level.name(), parentId);
    }

    public List<Region> parents(List<Region> regions) {
        return repository.parentsOf(regions.stream().map(Region::id).toList());
    }

    public List<List<Region>> children(List<Region> regions) {
        return repository.childrenOf(regions.stream().map(Region::id).toList());
    }
}
