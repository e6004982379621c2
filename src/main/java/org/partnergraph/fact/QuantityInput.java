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
@Input("QuantityInput")
@Description("A number a document states, with its measure word, its qualifier as written and the quote that states "
        + "it. Checked as a bundle's quantities are: at most 1000000, one per measure, a qualifier from the allowed "
        + "set and only on an approximate number.")
public class QuantityInput {

    @NonNull
    @Description("What is counted.")
    public QuantityMeasure measure;

    @NonNull
    @Description("The number as stated (约10场: 10), 0 to 1000000.")
    public Integer value;

    @Description("The document's measure word, e.g. 门, 个, 场, 位, 人, 名 (at most 10 characters).")
    public String unit;

    @Description("True when the document qualifies the number; then qualifier is required. Default: true exactly when a "
            + "qualifier is given.")
    public Boolean approximate;

    @Description("The qualifier as written: 约, 余, 多, 左右, 近 or 约…余; leave out for an exact number.")
    public String qualifier;

    @NonNull
    @Description("The document and quote that state the number.")
    public SourceInput source;

    /** Sets the row's quantities (a bundle's {@code quantities}) to {@code quantities}, when given. */
    public static void put(ObjectNode row, List<QuantityInput> quantities) {
        if (quantities == null) {
            return;
        }
        ArrayNode items = row.putArray(StatedFacts.QUANTITIES);
        for (QuantityInput input : quantities) {
            ObjectNode item = items.addObject();
            item.put("measure", input.measure == null ? null : input.measure.name());
            if (input.value != null) {
                item.put("value", input.value);
            }
            item.put("unit", input.unit);
            if (input.approximate != null) {
                item.put("approximate", input.approximate);
            }
            item.put("qualifier", input.qualifier);
            Drafts.cite(item, input.source);
        }
    }
}
