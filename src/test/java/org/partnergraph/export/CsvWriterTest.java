package org.partnergraph.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What Excel and any RFC 4180 reader (Apache Commons CSV here) read back is exactly what was written. */
class CsvWriterTest {

    static List<CSVRecord> read(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
    }

    /** A name an editor wrote as a formula must not run when an analyst opens the export in a spreadsheet. */
    @Test
    void aCellThatWouldBeAFormulaIsWrittenAsText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter writer = CsvWriter.nodes(out);
        for (String formula : List.of("=HYPERLINK(\"http://example.invalid\",\"点击\")", "+1+1", "-2+3", "@SUM(A1)",
                "\t=1")) {
            writer.node(new ExportNode("f", formula, "Organization", null, false, List.of(formula)));
        }
        writer.node(new ExportNode("g", "上海=合作", "Organization", null, false, List.of()));
        writer.finish();
        List<CSVRecord> rows = read(out.toByteArray());
        for (int i = 0; i < 5; i++) {
            assertEquals('\'', rows.get(i).get("label").charAt(0), rows.get(i).get("label"));
            assertEquals('\'', rows.get(i).get("sources").charAt(0));
        }
        assertEquals("'=HYPERLINK(\"http://example.invalid\",\"点击\")", rows.get(0).get("label"));
        assertEquals("上海=合作", rows.get(5).get("label"), "only a leading sign makes a formula");
    }

    @Test
    void commasQuotesAndLineBreaksSurviveTheRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter writer = CsvWriter.nodes(out);
        String tricky = "上海市\"城建\",职业学院\r\n第二行\n第三行";
        writer.node(new ExportNode("a-1", tricky, "Organization", "UNIVERSITY", true,
                List.of("沪教委办〔2018〕39号, \"通知\"", "第二份")));
        writer.node(new ExportNode("a-2", "plain", "Department", null, false, List.of()));
        writer.finish();

        byte[] bytes = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM first");
        List<CSVRecord> rows = read(bytes);
        assertEquals(2, rows.size());
        assertEquals(tricky, rows.get(0).get("label"));
        assertEquals("沪教委办〔2018〕39号, \"通知\" | 第二份", rows.get(0).get("sources"));
        assertEquals("true", rows.get(0).get("implied"));
        assertEquals("", rows.get(1).get("subtype"), "null is an empty field");
        assertEquals(List.of(CsvWriter.NODE_HEADER), List.copyOf(rows.get(0).getParser().getHeaderNames()));
    }

    @Test
    void aFieldWithoutSpecialCharactersIsNotQuoted() {
        assertEquals("喀什职业技术学院", CsvWriter.field("喀什职业技术学院"));
        assertEquals("\"a,b\"", CsvWriter.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.field("say \"hi\""));
    }
}
