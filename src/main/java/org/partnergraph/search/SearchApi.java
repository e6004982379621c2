package org.partnergraph.search;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.partnergraph.common.CodedErrors;

@GraphQLApi
@CodedErrors
public class SearchApi {

    private final SearchService search;

    SearchApi(SearchService search) {
        this.search = search;
    }

    @Query("search")
    @NonNull
    @Description("Finds organisations, regions and other objects by full Chinese name, short name (简称), "
            + "part of a name, or English name, best match first. Examples: 喀什理工, 楚雄医专, 沪滇联盟. "
            + "It forgives: traditional characters (雲南, 楚雄醫專), pinyin with or without tones, spaces and "
            + "capitals (Kashi, kāshí, ka shi, Chuxiong yizhuan), initials (kslg, cxyz), and the one-character "
            + "abbreviations the documents use (沪 滇 疆 喀 果 遵 青 藏 楚 …), which answer their region first.")
    public List<@NonNull SearchHit> search(
            @NonNull @Description("What to look for; 1 to 100 characters.") String text,
            @DefaultValue("10") @Description("How many hits to return; 1 to 50.") Integer first) {
        return search.search(text, first == null ? 10 : first);
    }
}
