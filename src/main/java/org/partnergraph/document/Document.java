package org.partnergraph.document;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Document")
@Description("A source document that facts in the graph cite: a notice, a reply, a news article. "
        + "Only curated public information; contact persons and phone numbers are never stored.")
public record Document(
        @Id @NonNull @Description("Stable id, e.g. doc-2018-hu-jiaowei-ban-39.") String id,
        @NonNull @Description("Title as issued.") String title,
        @NonNull @Description("The issuing body, as named on the document.") String issuer,
        @Description("Document number, e.g. 沪教委办〔2018〕39号; null for articles.") String number,
        @NonNull @Description("Date of issue or publication, ISO 8601 and only as precise as the document: 2018-08-13, or 2024 for an undated article.") String date,
        @NonNull @Description("What sort of document it is.") DocumentKind kind,
        @Description("A curated public summary of what the document says.") String excerpt) {
}
