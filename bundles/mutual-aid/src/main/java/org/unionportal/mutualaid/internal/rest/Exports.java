package org.unionportal.mutualaid.internal.rest;

import java.util.List;
import java.util.Locale;
import javax.ws.rs.core.Response;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.api.export.TableExport;

/** A list as a CSV or XLSX download. */
final class Exports {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {
    }

    static Response file(String format, String baseName, List<String> headers, List<List<Object>> rows) {
        String f = format == null ? "csv" : format.toLowerCase(Locale.ROOT);
        return switch (f) {
            case "csv" -> Response.ok(TableExport.csv(headers, rows), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + baseName + ".csv\"").build();
            case "xlsx" -> Response.ok(TableExport.xlsx(baseName, headers, rows), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + baseName + ".xlsx\"").build();
            default -> throw ProblemException.badRequest("format must be csv or xlsx.");
        };
    }
}
