package org.partnergraph.partnership;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.Sizes;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.node.NodeService;
import org.partnergraph.organization.Organization;
import org.partnergraph.organization.OrganizationKind;

@ApplicationScoped
public class PartnershipService {

    static final int SUPPORTERS_DEFAULT = 100;
    static final int SUPPORTERS_MAX = 500;

    static final int GAPS_DEFAULT = 100;
    static final int GAPS_MAX = 500;

    private final PartnershipRepository repository;
    private final NodeService nodes;
    private final Access access;

    PartnershipService(PartnershipRepository repository, NodeService nodes, Access access) {
        this.repository = repository;
        this.nodes = nodes;
        this.access = access;
    }

    public SupportGap.Page supportGaps(Integer year, Integer first) {
        access.require(Roles.ANALYST);
        int limit = Sizes.within("first", first == null ? GAPS_DEFAULT : first, GAPS_MAX);
        if (year != null && (year < 1949 || year > 2100)) {
            throw new BadUserInputException("year: must be between 1949 and 2100 (got " + year + ").");
        }
        PartnershipRepository.Gaps gaps = repository.gaps(year, limit);
        return new SupportGap.Page(gaps.total(), gaps.gaps());
    }

    public List<Partnership> supportersOf(String id, Integer first) {
        int limit = first == null ? SUPPORTERS_DEFAULT : first;
        Sizes.within("first", limit, SUPPORTERS_MAX);
        if (nodes.byId(id).isEmpty()) {
            throw new NotFoundException("id: nothing has the id '" + id + "'.");
        }
        return repository.supportersOf(id, limit);
    }

    public List<PartnerOrganization> partnerOrganizationsOf(List<Organization> organizations, PartnerRole role,
            List<PartnershipKind> kinds, PartnerOrganizationSort sort, List<OrganizationKind> partnerKinds,
            String regionId, Boolean includeSubregions, Integer first, String after) {
        PartnersQuery query = PartnersQuery.forOrganizations(role, kinds, sort, partnerKinds, regionId,
                includeSubregions, first, after);
        List<String> ids = organizations.stream().map(Organization::id).toList();
        Map<String, PartnerOrganization> pages = repository.partnerOrganizationsOf(ids, query);
        return ids.stream().map(pages::get).toList();
    }

    public List<PartnershipConnection> partnersOf(List<Organization> organizations, PartnerRole role,
            List<PartnershipKind> kinds, PartnershipSort sort, Integer first, String after) {
        PartnersQuery query = PartnersQuery.of(role, kinds, sort, first, after);
        List<String> ids = organizations.stream().map(Organization::id).toList();
        Map<String, PartnershipConnection> pages = repository.partnersOf(ids, query);
        return ids.stream().map(pages::get).toList();
    }
}
