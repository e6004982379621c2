package org.partnergraph.fact;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.partnergraph.document.Citation;

@Type("Quantity")
@Description("A number a document states about a relationship, programme or event (3 courses, about 10 lectures), "
        + "with the measure word and qualifier as written and the quotes that state it. Only numbers a document "
        + "gives: where it gives none, there is no quantity. A Quantity carries numbers and a Fact text: what a "
        + "document says in words around a number (两位云南学生担任起了“小导游”) is a Fact beside the Quantity.")
public record Quantity(
        @NonNull @Description("What is counted.") QuantityMeasure measure,
        @NonNull @Description("The number as stated (for 约10场, 10; for 两人, 2).") int value,
        @Description("The document's measure word, e.g. 门, 个, 场, 位, 人, 名; null when it uses none.") String unit,
        @NonNull @Description("True when the document qualifies the number (about, -odd, nearly): see qualifier.")
        boolean approximate,
        @Description("The qualifier as written: 约 (about), 余 or 多 (-odd, more than), 左右 (around), 近 (nearly), "
                + "约…余 (about … -odd); null when the number is exact.") String qualifier,
        @NonNull @Description("The documents and quotes that state the number.") List<@NonNull Citation> citations) {
}
