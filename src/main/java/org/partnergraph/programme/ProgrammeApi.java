package org.partnergraph.programme;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.partnergraph.agreement.Agreement;
import org.partnergraph.common.CodedErrors;
import org.partnergraph.document.Citation;
import org.partnergraph.document.Document;
import org.partnergraph.event.Event;
import org.partnergraph.node.Node;
import org.partnergraph.organization.Organization;

/** The programme list and the fields of Programme; every field resolves for all programmes of a level at once. */
@GraphQLApi
@CodedErrors
public class ProgrammeApi {

    private final ProgrammeService programmes;
    private final ProgrammeWrites writes;

    ProgrammeApi(ProgrammeService programmes, ProgrammeWrites writes) {
        this.programmes = programmes;
        this.writes = writes;
    }

    @Mutation("upsertProgramme")
    @NonNull
    @Description("Creates a programme, or updates one (fields left out keep their value), and adds implementers (RUNS) "
            + "and targets (TARGETS). Validated before anything is written (negative funding, unknown or wrong-kind ids, "
            + "over-long text: BAD_USER_INPUT naming the field); recorded in the change log, then applied. Role editor.")
    public ProgrammePayload upsertProgramme(
            @NonNull @Description("The programme.") ProgrammeInput input,
            @Description("Makes a retried request safe: the same key with the same input answers the first request's "
                    + "change instead of writing again.") String idempotencyKey) {
        return writes.upsert(input, idempotencyKey);
    }

    @Query("programmes")
    @NonNull
    @Description("Programmes (training projects, exchanges, placements, work tasks), one page at a time, with "
            + "totalCount and totalFundingWan over every match. Example: the 12 rows of the 2018 training table "
            + "and their 659.7 万元: programmes(filter: {partOfId: \"prog-2018-training-table\"}, sort: SEQUENCE).")
    public ProgrammeConnection programmes(
            @Description("Which programmes; leave out for all. Unknown ids are NOT_FOUND.") ProgrammeFilter filter,
            @DefaultValue("YEAR_DESC") @Description("Order of the list; default YEAR_DESC (newest first, then id).")
            ProgrammeSort sort,
            @Description("Page size: 1 to 100, default 20; below 1 is BAD_USER_INPUT, above 100 LIMIT_EXCEEDED.") Integer first,
            @Description("Cursor after which the page starts: pageInfo.endCursor of the previous page, with the "
                    + "same sort. Leave out for the first page.") String after) {
        return programmes.programmes(filter, sort, first, after);
    }

    @Query("programmeBreakdown")
    @NonNull
    @Description("Programmes, their funding (万元) and participants grouped by up to 4 dimensions at once (region "
            + "levels, year, mode, category, implementer, alliance), with the total over every match and the "
            + "not-assigned made explicit; counted in the database. Example: funding by province and year: "
            + "programmeBreakdown(by: [PROVINCE, YEAR]) { total { fundingWan } groups { province { name } year "
            + "notAssigned figures { programmes fundingWan } } }. Unknown filter ids are NOT_FOUND.")
    public ProgrammeBreakdown programmeBreakdown(
            @Description("Which programmes; the same filter as programmes. Leave out for all.") ProgrammeFilter filter,
            @NonNull @Description("The dimensions to group by, 1 to 4, each once; groups are sorted by them in this order.")
            List<@NonNull ProgrammeDimension> by,
            @Description("At most this many groups: 1 to 5000, default 500 (groupCount says how many there are).")
            Integer first) {
        return programmes.breakdown(filter, by, first);
    }

    @Description("The table or group this programme is a row or part of (PART_OF); null when it stands alone.")
    public List<Programme> partOf(@Source List<Programme> batch) {
        return programmes.partOf(batch);
    }

    @NonNull
    @Description("The rows or parts of this programme (PART_OF into it), in table order (sequence, then id); "
            + "empty when it has none.")
    public List<@NonNull List<@NonNull Programme>> parts(@Source List<Programme> batch) {
        return programmes.parts(batch);
    }

    @NonNull
    @Description("Organisations that run or carry out this programme (RUNS, 实施单位), by id.")
    public List<@NonNull List<@NonNull Organization>> implementers(@Source List<Programme> batch) {
        return programmes.implementers(batch);
    }

    @NonNull
    @Description("Offices responsible for this programme (RESPONSIBLE_FOR, 责任处室), by id.")
    public List<@NonNull List<@NonNull Organization>> responsibleOffices(@Source List<Programme> batch) {
        return programmes.responsibleOffices(batch);
    }

    @NonNull
    @Description("Organisations that host it, e.g. enterprises taking teachers on placement (HOSTS), by id.")
    public List<@NonNull List<@NonNull Organization>> hosts(@Source List<Programme> batch) {
        return programmes.hosts(batch);
    }

    @NonNull
    @Description("Whom the programme is for (TARGETS): regions, organisations or departments, by id.")
    public List<@NonNull List<@NonNull Node>> targets(@Source List<Programme> batch) {
        return programmes.targets(batch);
    }

    @NonNull
    @Description("Organisations that took part in the programme in any role (PARTICIPATED_IN), each once, by id.")
    public List<@NonNull List<@NonNull Organization>> participatingOrganizations(@Source List<Programme> batch) {
        return programmes.participatingOrganizations(batch);
    }

    @NonNull
    @Description("Events that belong to this programme (PART_OF), by date, then id.")
    public List<@NonNull List<@NonNull Event>> events(@Source List<Programme> batch) {
        return programmes.events(batch);
    }

    @Description("The agreement or plan this programme carries out (PART_OF); null when none is stated.")
    public List<Agreement> agreement(@Source List<Programme> batch) {
        return programmes.agreement(batch);
    }

    @NonNull
    @Description("The documents that state this programme, in the order they are cited.")
    public List<@NonNull List<@NonNull Document>> sources(@Source List<Programme> batch) {
        return programmes.sources(batch);
    }

    @NonNull
    @Description("Each statement of this programme: the document and its verbatim quote.")
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Programme> batch) {
        return programmes.citations(batch);
    }
}
