package org.partnergraph.fact;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.Drafts;
import org.partnergraph.change.SourceInput;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("FactInput")
@Description("A fact a document states, in its words, with the quote that states it. Checked as a bundle's facts are: "
        + "a known name, a value of 1 to 200 characters without control characters or personal data, and not a number "
        + "standing alone (numbers go in quantities).")
public class FactInput {

    @NonNull
    @Description("What kind of fact it is.")
    public FactName name;

    @NonNull
    @Description("The fact as the document states it (1 to 200 characters; no bare number: use a quantity).")
    public String value;

    @NonNull
    @Description("The document and quote that state the fact (source.implied when the text only implies it).")
    public SourceInput source;

    /** Sets the row's facts (a bundle's {@code facts}) to {@code facts}, when given. */
    public static void put(ObjectNode row, List<FactInput> facts) {
        if (facts == null) {
            return;
        }
        ArrayNode items = row.putArray(StatedFacts.FACTS);
        for (FactInput input : facts) {
            ObjectNode item = items.addObject();
            item.put("name", input.name == null ? null : input.name.name());
            item.put("value", input.value);
            Drafts.cite(item, input.source);
        }
    }
}
