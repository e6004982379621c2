package org.partnergraph.region;

import org.eclipse.microprofile.graphql.Description;

@Description("Administrative level of a region.")
public enum RegionLevel {
    @Description("Province, autonomous region or municipality (省, 自治区, 直辖市).")
    PROVINCE,
    @Description("Prefecture-level: prefecture, autonomous prefecture, prefecture-level city (地区, 州, 市).")
    PREFECTURE,
    @Description("County-level: county or county-level city (县, 县级市).")
    COUNTY,
    @Description("A district of a municipality or city (区).")
    DISTRICT,
    @Description("An informal area the documents name, e.g. 滇西, 南疆, 西部对口地区.")
    AREA
}
