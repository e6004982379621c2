package org.partnergraph.programme;

import java.util.List;

/**
 * A validated {@link ProgrammeFilter}: null means "no condition", ids are not blank, lists are not empty,
 * text is trimmed. Only {@link ProgrammeService#validate} makes one.
 */
record ProgrammeQuery(String regionId, boolean includeSubregions, List<ProgrammeMode> modes,
        List<ProgrammeCategory> categories, Integer year, String implementerId, String partOfId, String text) {

    static final ProgrammeQuery ALL = new ProgrammeQuery(null, true, null, null, null, null, null, null);
}
