package org.partnergraph.timeline;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("TimelineFilter")
@Description("Which timeline entries to list; every field is optional and they combine with AND.")
public record TimelineFilter(
        @Description("Entries whose dates reach this date or later: YYYY, YYYY-MM or YYYY-MM-DD. An entry counts as "
                + "in range when the period its date can mean overlaps the range (an event dated 2024 is in a range "
                + "from 2024-06): check precision.") String from,
        @Description("Entries whose dates start on or before this date: YYYY, YYYY-MM or YYYY-MM-DD (2024 means up to "
                + "2024-12-31); not before from.") String to,
        @Id @Description("Only entries that involve this organisation (or one of its departments or majors): it runs, "
                + "hosts, is responsible for, takes part in, is targeted by or is party to it, or it is an end of the "
                + "partnership.") String organizationId,
        @Id @Description("Only entries in this region: located in it, targeting it, or involving an organisation "
                + "located in it.") String regionId,
        @Description("With regionId: include its sub-regions (default true).") Boolean includeSubregions,
        @Description("Only these kinds of entry.") List<TimelineEntryKind> kind) {
}
