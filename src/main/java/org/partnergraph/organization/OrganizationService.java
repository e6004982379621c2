package org.partnergraph.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Value;
import org.partnergraph.agreement.Agreement;
import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.department.Department;
import org.partnergraph.department.Major;
import org.partnergraph.graph.Graph;
import org.partnergraph.node.StatedCount;
import org.partnergraph.programme.Programme;
import org.partnergraph.region.Region;
import org.partnergraph.search.SearchText;

/**
 * Organisations and what hangs off them. Every method that takes a list answers for the whole list
 * with one query (the GraphQL field resolvers are batched), in the order it was given.
 */
@ApplicationScoped
public class OrganizationService {

    static final int MAX_TEXT = 100;

    private final OrganizationRepository repository;

    OrganizationService(OrganizationRepository repository) {
        this.repository = repository;
    }

    public Optional<Organization> byId(String id) {
        return repository.byId(id);
    }

    public OrganizationConnection list(OrganizationFilter filter, OrganizationSort sort, Integer first, String after) {
        OrganizationSort order = sort == null ? OrganizationSort.NAME : sort;
        PageRequest page = PageRequest.of(first, after, order.name());
        OrganizationFilter f = filter == null ? new OrganizationFilter(null, null, null, null, null) : filter;
        OrganizationRepository.Filtered result = repository.list(filterParameters(f), order, page);
        if (f.regionId() != null && !result.regionFound()) {
            throw new NotFoundException("filter.regionId: no region has the id '" + f.regionId() + "'.");
        }
        if (f.memberOfId() != null && !result.groupFound()) {
            throw new NotFoundException("filter.memberOfId: no organisation has the id '" + f.memberOfId() + "'.");
        }
        return OrganizationConnection.of(result.page(), order);
    }

    /**
     * The kinds asked for, by name; null for all. The schema's [OrganizationKind] admits null items, and a
     * null among the kinds is no kind at all: the client's error, not a failure deeper down.
     */
    static List<String> kindNames(List<OrganizationKind> kinds, String field) {
        if (kinds != null && kinds.contains(null)) {
            throw new BadUserInputException(field + ": a list of organisation kinds, without null.");
        }
        return kinds == null || kinds.isEmpty() ? null : kinds.stream().map(Enum::name).toList();
    }

    /**
     * The filter's parameters ($kinds, $regionId, $includeSubregions, $memberOfId, and for filter.text those of
     * search.SearchText: $query, $text, $lower, $pinyin, $compact, $initials, $aliasIds), validated.
     */
    static Map<String, Object> filterParameters(OrganizationFilter filter) {
        OrganizationFilter f = filter == null ? new OrganizationFilter(null, null, null, null, null) : filter;
        String text = f.text() == null ? null : f.text().strip();
        if (text != null && (text.isEmpty() || text.length() > MAX_TEXT)) {
            throw new BadUserInputException("filter.text: 1 to " + MAX_TEXT + " characters.");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("kinds", kindNames(f.kind(), "filter.kind"));
        parameters.put("regionId", f.regionId());
        parameters.put("includeSubregions", f.includeSubregions() == null || f.includeSubregions());
        parameters.put("memberOfId", f.memberOfId());
        if (text == null) {
            parameters.put("query", null);
            parameters.put("text", null);
            parameters.put("lower", null);
            parameters.put("pinyin", List.of());
            parameters.put("compact", null);
            parameters.put("initials", null);
            parameters.put("aliasIds", List.of());
        } else {
            // Folded as search() folds it: traditional characters, pinyin, initials, abbreviations.
            parameters.putAll(SearchText.of(text).parameters());
        }
        return parameters;
    }

    public List<Region> regions(List<Organization> organizations) {
        return Graph.firstOfEach(repository.childrenOf(OrganizationRepository.REGIONS_OF, ids(organizations), Region::from));
    }

    public List<Organization> parents(List<Organization> organizations) {
        return Graph.firstOfEach(repository.childrenOf(OrganizationRepository.PARENTS_OF, ids(organizations),
                Organization::from));
    }

    public List<List<Organization>> subunits(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.SUBUNITS_OF, Organization::from);
    }

    public List<List<Organization>> memberships(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.MEMBERSHIPS_OF, Organization::from);
    }

    public List<List<Organization>> secretariats(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.SECRETARIATS_OF, Organization::from);
    }

    public List<List<Department>> departments(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.DEPARTMENTS_OF, Department::from);
    }

    public List<List<Major>> majors(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.MAJORS_OF, Major::from);
    }

    public List<List<Programme>> programmes(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.PROGRAMMES_OF, Programme::from);
    }

    public List<List<Agreement>> agreements(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.AGREEMENTS_OF, Agreement::from);
    }

    public List<List<StatedCount>> statedCounts(List<Organization> organizations) {
        return lists(organizations, OrganizationRepository.STATED_COUNTS_OF, StatedCount::from);
    }

    public List<OrganizationConnection> members(List<Organization> groups, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after, OrganizationSort.NAME.name());
        Map<String, Page<Organization>> pages = repository.membersOf(ids(groups), page);
        return groups.stream().map(g -> OrganizationConnection.of(
                pages.getOrDefault(g.id(), new Page<>(List.of(), 0, page)), OrganizationSort.NAME)).toList();
    }

    /** Organisations located in each region (and its sub-regions when asked), a page per region. */
    public List<OrganizationConnection> inRegions(List<Region> regions, boolean includeSubregions,
            List<OrganizationKind> kinds, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after, OrganizationSort.NAME.name());
        List<String> kindNames = kindNames(kinds, "kind");
        Map<String, Page<Organization>> pages = repository.inRegions(regions.stream().map(Region::id).toList(),
                includeSubregions, kindNames, page);
        return regions.stream().map(r -> OrganizationConnection.of(
                pages.getOrDefault(r.id(), new Page<>(List.of(), 0, page)), OrganizationSort.NAME)).toList();
    }

    public List<List<KindCount>> kindCountsInRegions(List<Region> regions, boolean includeSubregions) {
        Map<String, List<KindCount>> counts = repository.kindCountsInRegions(regions.stream().map(Region::id).toList(),
                includeSubregions);
        return regions.stream().map(r -> counts.getOrDefault(r.id(), List.of())).toList();
    }

    private <T> List<List<T>> lists(List<Organization> organizations, String cypher, Function<Value, T> mapper) {
        return repository.childrenOf(cypher, ids(organizations), mapper);
    }

    private static List<String> ids(List<Organization> organizations) {
        return organizations.stream().map(Organization::id).toList();
    }
}
