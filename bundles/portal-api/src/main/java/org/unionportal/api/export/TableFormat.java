package org.unionportal.api.export;

import java.util.List;
import java.util.Locale;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.ProblemException;

/** The file formats of a table download. */
public enum TableFormat {
    CSV("csv", TableExport.CSV_CONTENT_TYPE),
    XLSX("xlsx", TableExport.XLSX_CONTENT_TYPE);

    private final String extension;
    private final String mediaType;

    TableFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** {@code csv} or {@code xlsx}, without the dot. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The format a request asks for ({@code ?format=csv|xlsx}, any case); none is CSV.
     *
     * @throws ProblemException 400 {@code unsupported_format} for anything else
     */
    public static TableFormat parse(String format) {
        if (format == null || format.isBlank()) {
            return CSV;
        }
        String f = format.strip().toLowerCase(Locale.ROOT);
        for (TableFormat t : values()) {
            if (t.extension.equals(f)) {
                return t;
            }
        }
        throw ProblemException.badRequest("unsupported_format", Text.of("文件格式只能是 csv 或 xlsx。", "The format must be csv or xlsx."));
    }

    /** The table as a file of this format. */
    public byte[] write(String sheetName, List<String> headers, List<? extends List<?>> rows) {
        return this == CSV ? TableExport.csv(headers, rows) : TableExport.xlsx(sheetName, headers, rows);
    }
}
