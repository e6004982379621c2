package org.partnergraph.dataset;

import java.util.List;
import java.util.stream.Collectors;

import org.partnergraph.common.BadUserInputException;

import io.smallrye.graphql.api.ErrorCode;

/** A bundle with any invalid row: nothing of it was applied; every problem is listed. */
@ErrorCode("BAD_USER_INPUT")
public class BundleRejectedException extends BadUserInputException {

    private final transient List<Problem> problems;

    public BundleRejectedException(String bundle, List<Problem> problems) {
        super("Bundle '" + bundle + "' rejected, nothing applied; " + problems.size() + " problem(s): "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
