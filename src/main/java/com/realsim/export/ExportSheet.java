package com.realsim.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The file an export writes, row by row, straight into its output: nothing of what was written is kept in memory
 * (CSV through commons-csv; XLSX through fastexcel with inline strings and a flush every {@value #FLUSH_EVERY} rows,
 * so that no shared-string table or sheet grows with the file). A second part (the operator report's summary) follows
 * the rows: in CSV after an empty line with its own header, in XLSX on a sheet of its own.
 */
interface ExportSheet extends AutoCloseable {

    int FLUSH_EVERY = 1000;

    void header(List<String> names) throws IOException;

    void row(Object[] values) throws IOException;

    /** Starts the second part, named for the XLSX sheet. */
    void section(String name, List<String> header) throws IOException;

    /** Writes what is left; the output is complete after this. */
    void finish() throws IOException;

    @Override
    default void close() {}

    static ExportSheet of(ExportFormat format, String sheetName, OutputStream out) {
        return switch (format) {
            case CSV -> new Csv(out);
            case XLSX -> new Xlsx(out, sheetName);
        };
    }

    final class Csv implements ExportSheet {

        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                this.printer = new CSVPrinter(
                        new OutputStreamWriter(out, StandardCharsets.UTF_8),
                        CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void header(List<String> names) throws IOException {
            printer.printRecord(names);
        }

        @Override
        public void row(Object[] values) throws IOException {
            printer.printRecord(values);
        }

        @Override
        public void section(String name, List<String> header) throws IOException {
            printer.println();
            printer.printRecord(header);
        }

        @Override
        public void finish() throws IOException {
            printer.flush();
        }
    }

    final class Xlsx implements ExportSheet {

        private final Workbook workbook;
        private Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "RealSIM", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void header(List<String> names) throws IOException {
            row(names.toArray());
        }

        @Override
        public void row(Object[] values) throws IOException {
            for (int column = 0; column < values.length; column++) {
                Object value = values[column];
                if (value instanceof Number number) {
                    sheet.value(row, column, number);
                } else if (value != null) {
                    sheet.inlineString(row, column, value.toString());
                }
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                sheet.flush();
            }
        }

        @Override
        public void section(String name, List<String> header) throws IOException {
            sheet.finish();
            sheet = workbook.newWorksheet(name);
            row = 0;
            header(header);
        }

        @Override
        public void finish() throws IOException {
            sheet.finish();
            workbook.finish();
        }
    }
}
