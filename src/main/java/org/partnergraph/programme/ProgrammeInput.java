package org.partnergraph.programme;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.partnergraph.change.SourceInput;
import org.partnergraph.fact.FactInput;
import org.partnergraph.fact.QuantityInput;
import org.partnergraph.timeline.Progress;

/** A class rather than a record: see ProgrammeFilter (smallrye-graphql#753). */
@Input("ProgrammeInput")
@Description("A programme to create or update. Fields left out keep their current value on an update; implementers "
        + "and targets given are added to those it has.")
public class ProgrammeInput {

    @Id
    @Description("The programme to update, or the id for a new one (lowercase slug, e.g. prog-2025-kashgar-training); "
            + "omit to create one with a generated id.")
    public String id;

    @Description("Its name, at most 200 characters. Required for a new programme.")
    public String name;

    @Description("What it is for. Required for a new programme.")
    public ProgrammeCategory category;

    @Description("How it is delivered. Required for a new programme.")
    public ProgrammeMode mode;

    @Description("The documents' own words for the mode, at most 40 characters.")
    public String modeLabel;

    @Description("The year it runs, 1949 to 2100.")
    public Integer year;

    @Description("Funding in 万元; not negative.")
    public Double fundingWan;

    @Description("Self-raised funding in 万元 (自筹); not negative.")
    public Double selfFundedWan;

    @Description("Number of participants; not negative.")
    public Integer participants;

    @Description("How long it runs, in the documents' words (e.g. 15天), at most 40 characters.")
    public String duration;

    @Description("When it runs or ran, finer than year where the document says: YYYY, YYYY-MM or YYYY-MM-DD (a real "
            + "date, within year when both are given).")
    public String date;

    @Description("When it ends or is expected to end: YYYY, YYYY-MM or YYYY-MM-DD, not before date.")
    public String endDate;

    @Description("The qualifier the document puts on date, as written: 左右, 前后, 月初, 月中, 月底, 月末, 上旬, 中旬, "
            + "下旬, 年初, 年中, 年底, 暑假期间, 寒假期间 or 预计 (see Programme.dateQualifier). Needs a date (given or "
            + "kept); 月… and …旬 qualify a month (YYYY-MM), 年… a year (YYYY).")
    public String dateQualifier;

    @Description("The qualifier the document puts on endDate, as written (those of dateQualifier; 预计 for an expected "
            + "end). Needs an endDate (given or kept).")
    public String endDateQualifier;

    @Description("Planned, under way or done, as the document says.")
    public Progress progress;

    @Id
    @Description("The programme (table or group) it is a row or part of.")
    public String partOfId;

    @Id
    @Description("Organisations that run it (RUNS); added to those it has.")
    public List<@NonNull String> implementerIds;

    @Id
    @Description("Regions, organisations or departments it targets (TARGETS); added to those it has.")
    public List<@NonNull String> targetIds;

    @Description("The document that says so. Required for a new programme and for new implementers or targets.")
    public SourceInput source;

    @Description("Numbers the document states about it, each with its quote (see QuantityInput); given, they replace the "
            + "ones it has.")
    public List<@NonNull QuantityInput> quantities;

    @Description("Facts the document states about it in words (what was done, fields, subjects, role …), each with its "
            + "quote (see FactInput); given, they replace the ones it has. Numbers go in quantities.")
    public List<@NonNull FactInput> facts;
}
