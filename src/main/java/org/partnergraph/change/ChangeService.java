package org.partnergraph.change;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.BadUserInputException;
import org.partnergraph.common.Sizes;
import org.partnergraph.common.Cursor;
import org.partnergraph.common.NotFoundException;
import org.partnergraph.common.Page;
import org.partnergraph.common.PageRequest;
import org.partnergraph.security.Access;
import org.partnergraph.security.Roles;

/** The change log as clients see it: history (analysts and above) and the admin's rebuild and replay. */
@ApplicationScoped
public class ChangeService {

    /** Changes page by id, newest first. */
    static final String SORT = "LOG";
    static final int HISTORY_MAX = 20;

    private final ChangeRepository changes;
    private final Projector projector;
    private final Records records;
    private final Access access;
    private final GraphRuns runs;

    ChangeService(ChangeRepository changes, Projector projector, Records records, Access access, GraphRuns runs) {
        this.changes = changes;
        this.projector = projector;
        this.records = records;
        this.access = access;
        this.runs = runs;
    }

    public ChangeConnection history(String nodeId, Integer first, String after) {
        access.require(Roles.ANALYST);
        PageRequest request = PageRequest.of(first, after, SORT);
        long before = request.after() == null ? Long.MAX_VALUE : changeId("after", request.after().id());
        Page<Change> page = records.transaction(c -> {
            if (nodeId != null && !changes.known(c, nodeId)) {
                throw new NotFoundException("nodeId: no node or relationship has the id '" + nodeId + "'.");
            }
            List<Change> rows = changes.page(c, nodeId, before, request.first() + 1);
            return new Page<>(rows, changes.count(c, nodeId), request);
        });
        return ChangeConnection.of(page);
    }

    /** The newest changes of each node (for a batched field such as Organization.history); role analyst. */
    public List<List<Change>> latest(List<String> nodeIds, int first) {
        access.require(Roles.ANALYST);
        Sizes.within("first", first, HISTORY_MAX);
        Map<String, List<Change>> latest = records.transaction(c -> changes.latest(c, nodeIds, first));
        return nodeIds.stream().map(id -> latest.getOrDefault(id, List.of())).toList();
    }

    public Optional<Change> byId(String id) {
        access.require(Roles.ANALYST);
        long changeId = changeId("id", id);
        return records.transaction(c -> changes.byId(c, changeId));
    }

    /**
     * How far the graph is: the id of the last change applied to it, read from the graph. Every write moves it,
     * so answers read at one position are the same until the next write (HTTP caching builds its ETags on it).
     * Not guarded by a role: nothing a client is shown carries it in the clear.
     */
    /** Whether {@link #graphPosition} would answer without asking a store (the position read is fresh enough). */
    public boolean graphPositionKnown(java.time.Duration staleness) {
        return projector.graphPositionKnown(staleness);
    }

    public long graphPosition(java.time.Duration staleness) {
        return projector.graphPosition(staleness);
    }

    public GraphRun rebuild(Integer waitSeconds) {
        access.require(Roles.ADMIN);
        return runs.start(GraphRun.Kind.REBUILD, null, waitSeconds, access.subject());
    }

    /** A run of rebuildGraph or replayChanges by id; null when there is none. Role admin. */
    public GraphRun run(String id) {
        access.require(Roles.ADMIN);
        return runs.byId(changeId("id", id)).orElse(null);
    }

    public GraphRun replay(String after, Integer waitSeconds) {
        access.require(Roles.ADMIN);
        Long from = after == null ? null : changeId("after", after);
        if (from != null) {
            long last = records.transaction(changes::lag).lastChange();
            if (from < 0 || from > last) {
                throw new BadUserInputException("after: must be a change id from 0 to " + last + " (got " + after + ").");
            }
        }
        return runs.start(GraphRun.Kind.REPLAY, from, waitSeconds, access.subject());
    }

    static String cursor(Change change) {
        return Cursor.of(SORT, change.id(), change.id()).encode();
    }

    private static long changeId(String field, String id) {
        try {
            long value = Long.parseLong(id);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new BadUserInputException(field + ": '" + id + "' is not a change id (0, 1, 2 …).");
    }
}
