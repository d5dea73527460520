package org.unionportal.api.export;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A file a REST resource answers with: return it from a resource method (any {@code @Produces},
 * or none) and the portal writes it with {@code Content-Type}, {@code Content-Disposition}
 * (attachment, the UTF-8 file name per RFC 5987/6266), {@code X-Content-Type-Options: nosniff} and,
 * when {@link #personal()}, {@code Cache-Control: private, no-store}. The API needs no JAX-RS.
 *
 * <pre>
 * &#64;GET &#64;Path("/export")
 * public Download export(&#64;QueryParam("format") String format, ...) {
 *     return Download.table(TableFormat.parse(format), "困难职工名册", headers, rows, true);
 * }
 * </pre>
 */
public final class Download {
    private final String fileName;
    private final String mediaType;
    private final Content content;
    private final long length;
    private final boolean personal;

    /** Writes the file's bytes; the stream is not closed by it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private Download(String fileName, String mediaType, Content content, long length, boolean personal) {
        this.fileName = safeFileName(fileName);
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.content = Objects.requireNonNull(content, "content");
        this.length = length;
        this.personal = personal;
    }

    /** A file whose bytes are known. */
    public static Download of(String fileName, String mediaType, byte[] bytes, boolean personal) {
        byte[] copy = Objects.requireNonNull(bytes, "bytes");
        return new Download(fileName, mediaType, out -> out.write(copy), copy.length, personal);
    }

    /** A file written while it is sent (its length is not known before). */
    public static Download streamed(String fileName, String mediaType, Content content, boolean personal) {
        return new Download(fileName, mediaType, content, -1, personal);
    }

    /**
     * A table as a CSV or XLSX file named {@code baseName.csv} / {@code baseName.xlsx} (the sheet is
     * named {@code baseName}). Mask personal data first as the export's {@link ExportPurpose} says.
     */
    public static Download table(TableFormat format, String baseName, List<String> headers, List<? extends List<?>> rows,
                                 boolean personal) {
        return of(baseName + "." + format.extension(), format.mediaType(), format.write(baseName, headers, rows), personal);
    }

    /** {@link #table(TableFormat, String, List, List, boolean)} with the format a request asked for ({@code csv}, {@code xlsx}). */
    public static Download table(String format, String baseName, List<String> headers, List<? extends List<?>> rows,
                                 boolean personal) {
        return table(TableFormat.parse(format), baseName, headers, rows, personal);
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether the file holds personal data: then no cache may keep it. */
    public boolean personal() {
        return personal;
    }

    /** The length in bytes, or -1 when it is not known before writing. */
    public long length() {
        return length;
    }

    public void writeTo(OutputStream out) throws IOException {
        content.writeTo(out);
    }

    /**
     * {@code attachment; filename="…"; filename*=UTF-8''…}: an ASCII stand-in for old clients
     * (other characters become {@code _}) and the real name percent-encoded (RFC 5987), which every
     * current browser uses, so Chinese names arrive intact.
     */
    public String contentDisposition() {
        StringBuilder ascii = new StringBuilder();
        for (char ch : fileName.toCharArray()) {
            ascii.append(ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '%' ? ch : '_');
        }
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** The {@code Cache-Control} value: {@code private, no-store} for personal files, else {@code no-cache}. */
    public String cacheControl() {
        return personal ? "private, no-store" : "no-cache";
    }

    /** No path, no control characters, not empty: a name is only a name. */
    static String safeFileName(String name) {
        Objects.requireNonNull(name, "fileName");
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        base.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f).forEach(b::appendCodePoint);
        String clean = b.toString().strip();
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? "download" : clean;
    }

    @Override
    public String toString() {
        return "Download[" + fileName + ", " + mediaType + (personal ? ", personal" : "") + "]";
    }
}
