package org.partnergraph.organization;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("OrganizationFilter")
@Description("Which organisations to list; every field is optional and they combine with AND.")
public record OrganizationFilter(
        @Description("Only these kinds.") List<OrganizationKind> kind,
        @Id @Description("Only organisations located in this region.") String regionId,
        @Description("With regionId: include organisations in its sub-regions (default true).") Boolean includeSubregions,
        @Id @Description("Only members of this alliance or group (MEMBER_OF).") String memberOfId,
        @Description("Only organisations whose name or short name contains this text (traditional characters are "
                + "read as simplified: 楚雄醫專), whose English name contains it in any case (whole words or their "
                + "beginnings: kashgar poly), or whose pinyin has these syllables, with or without tones and spaces "
                + "(kashi, kāshí, Chuxiong yizhuan), or starts with these initials (kslg); 1 to 100 characters.") String text) {
}
