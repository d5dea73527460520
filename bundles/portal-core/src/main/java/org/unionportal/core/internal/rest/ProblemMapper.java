package org.unionportal.core.internal.rest;

import java.util.UUID;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;
import org.unionportal.api.rest.PortalRest;
import org.unionportal.api.rest.ProblemException;
import org.unionportal.core.internal.security.Accounts;

/**
 * Turns every exception into an {@code application/problem+json} answer with a stable {@code code}
 * and the message in the caller's language ({@code Accept-Language}, Chinese by default). Unexpected ones get a
 * 500 with a reference that is also in the log; their details never leave the server.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(PortalRest.APPLICATION_SELECT)
@JaxrsName(PortalRest.PROBLEMS_EXTENSION)
public class ProblemMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        Language lang = language();
        if (e instanceof Accounts.RetryLaterException retry) {
            return Response.fromResponse(Problems.response(retry, lang))
                    .header("Retry-After", retry.retryAfterSeconds()).build();
        }
        if (e instanceof ProblemException p) {
            Response r = Problems.response(p, lang);
            return p.status() == 401 ? Response.fromResponse(r).header("WWW-Authenticate", "Bearer").build() : r;
        }
        if (e instanceof NotFoundException) {
            return Problems.response(404, "no_resource", Text.of("没有这个地址：" + path() + "。请检查地址；模块卸载后其接口也随之停用。",
                    "There is no resource at " + path() + ". Check the address; a module's API is only there while the module is installed."), lang);
        }
        if (e instanceof NotAllowedException n) {
            String allowed = String.join(", ", n.getResponse().getAllowedMethods());
            return Response.fromResponse(Problems.response(405, "method_not_allowed",
                    Text.of("该地址不支持此操作，支持：" + allowed + "。",
                            "This resource does not accept that method; allowed: " + allowed + "."), lang))
                    .allow(n.getResponse().getAllowedMethods()).build();
        }
        if (e instanceof NotSupportedException) {
            return Problems.response(415, "unsupported_media_type", Text.of("请以 JSON 格式发送（Content-Type: application/json）。",
                    "Send the body as JSON with the header 'Content-Type: application/json'."), lang);
        }
        if (e instanceof NotAcceptableException || (e instanceof WebApplicationException w406 && w406.getResponse().getStatus() == 406)) {
            return Problems.response(406, "not_acceptable", Text.of("无法按 Accept 要求的格式答复；本接口提供 JSON（文件为 CSV 或 XLSX）。",
                    "This resource cannot answer in the media type the Accept header asks for; accept what it produces (JSON, or text/csv for files)."), lang);
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return Problems.response(status, ProblemException.defaultCode(status),
                    Text.of("请求无法按原样处理。", "The request cannot be served as sent."), lang);
        }
        // the database down or its disk full: 503 with Retry-After (ops' class, kept apart from this mapper)
        java.util.Optional<ProblemException> unavailable = org.unionportal.core.internal.faults.DatabaseUnavailable.problem(e);
        if (unavailable.isPresent()) {
            LOG.warn("The database cannot serve {}: {}", path(), rootMessage(e));
            return Response.fromResponse(Problems.response(unavailable.get(), lang))
                    .header("Retry-After", org.unionportal.core.internal.faults.DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        if (overflowed(e)) {
            // exact money arithmetic (Math.addExact, multiplyExact) refused: the amounts sent are too big to compute with
            LOG.info("Arithmetic overflow on {}: {}", path(), rootMessage(e));
            return Problems.response(OVERFLOW, lang);
        }
        java.util.Optional<ProblemException> refused = refusedByTheDatabase(e);
        if (refused.isPresent()) {
            LOG.info("The database refused a write on {}: {}", path(), rootMessage(e));
            return Problems.response(refused.get(), lang);
        }
        if (isClientGone(e)) {
            // The client closed the connection while the answer was written (a closed tab, a load tool's end):
            // nothing to answer and nothing wrong on the server.
            LOG.debug("Client went away on {}: {}", path(), e.toString());
            return Response.status(499).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} on {}", reference, path(), e);
        return Problems.response(500, "internal_error", Text.of(
                "服务器出错了，请稍后重试；如果一直出现，请把这个编号告诉管理员：" + reference,
                "Something went wrong on the server. Please try again; if it keeps happening, give this reference to the administrator: "
                        + reference), lang);
    }

    /** The caller's language; Chinese outside a request. */
    private Language language() {
        try {
            return headers == null ? Language.ZH : Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        } catch (RuntimeException outsideRequest) {
            return Language.ZH;
        }
    }

    /**
     * The last line of defence for what the database refuses after the checks passed, by SQLState (the same in
     * Derby and PostgreSQL): a unique key taken meanwhile (two requests racing for the same number or ID number)
     * or another constraint is 409; a text too long for its column, a number or date out of range or any other data exception (class 22) is 422. Never 500.
     */
    static java.util.Optional<ProblemException> refusedByTheDatabase(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (!(c instanceof java.sql.SQLException sql) || sql.getSQLState() == null) {
                continue;
            }
            String state = sql.getSQLState();
            if (state.equals("23505")) {
                return java.util.Optional.of(new ProblemException(409, "duplicate", Text.of(
                        "同样的记录已经存在（可能刚被别人同时提交）。请刷新后查看，再决定是否重试。",
                        "The same record already exists (someone may have sent it at the same moment). Reload, check, then try again if needed.")));
            }
            if (state.startsWith("23")) {
                return java.util.Optional.of(new ProblemException(409, "constraint_conflict", Text.of(
                        "与现有数据冲突，未保存。请刷新后查看，再决定是否重试。",
                        "This conflicts with data already there and was not saved. Reload, check, then try again if needed.")));
            }
            if (state.startsWith("22")) {
                return java.util.Optional.of(dataRefused(state, sql.getMessage()));
            }
            if (state.equals("40001") || state.equals("40P01") || state.startsWith("40XL")) {
                // a deadlock or lock timeout between two writers: this one was rolled back whole
                return java.util.Optional.of(new ProblemException(409, "concurrent_change", Text.of(
                        "有人同时在修改相同的数据，本次未保存。请刷新后重试。",
                        "Someone changed the same data at the same moment and nothing was saved. Reload and try again.")));
            }
        }
        return java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern COLUMN_LENGTH =
            java.util.regex.Pattern.compile("(?:to length |varying\\()(\\d+)");

    /**
     * SQL class 22 (data exception), as Derby and PostgreSQL both number it: a value the checks let through but
     * the column cannot take. The limit is named when the database's message gives it; the message never is.
     */
    static ProblemException dataRefused(String state, String message) {
        return switch (state) {
            case "22001" -> {
                java.util.regex.Matcher limit = COLUMN_LENGTH.matcher(message == null ? "" : message);
                yield limit.find()
                        ? new ProblemException(422, "value_too_long", Text.of(
                                "有一项内容超过 " + limit.group(1) + " 个字符，未保存。请缩短后重试。",
                                "A value is longer than " + limit.group(1) + " characters and nothing was saved. Shorten it and try again."))
                        : new ProblemException(422, "value_too_long", Text.of(
                                "填写的内容过长，未保存。请缩短后重试。", "A value is too long to be stored and nothing was saved. Shorten it and try again."));
            }
            case "22003" -> new ProblemException(422, "number_out_of_range", Text.of(
                    "填写的数字超出允许范围，未保存。请检查后重试。", "A number is out of the range that can be stored and nothing was saved. Check it and try again."));
            case "22007", "22008" -> new ProblemException(422, "date_out_of_range", Text.of(
                    "填写的日期或时间超出允许范围，未保存。请检查后重试。", "A date or time is out of the range that can be stored and nothing was saved. Check it and try again."));
            case "22021", "22P05" -> new ProblemException(422, "character_not_allowed", Text.of(
                    "内容含有不能保存的字符（如空字符），未保存。请删除后重试。", "A value contains a character that cannot be stored (such as NUL) and nothing was saved. Remove it and try again."));
            default -> new ProblemException(422, "value_not_storable", Text.of(
                    "有一项填写的值无法保存，未保存任何内容。请检查后重试。", "A value cannot be stored as given and nothing was saved. Check the values and try again."));
        };
    }

    static final ProblemException OVERFLOW = new ProblemException(422, "number_out_of_range", Text.of(
            "填写的金额或数量过大，无法计算，未保存。请检查后重试。",
            "An amount or count is too large to compute with and nothing was saved. Check it and try again."));

    /** An {@link ArithmeticException} (overflow of exact arithmetic) anywhere in the cause chain. */
    static boolean overflowed(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ArithmeticException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** Jetty's EofException or a broken pipe anywhere in the cause chain. */
    static boolean isClientGone(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            if (name.equals("org.eclipse.jetty.io.EofException") || (c instanceof java.io.IOException
                    && c.getMessage() != null && (c.getMessage().contains("Broken pipe") || c.getMessage().contains("Connection reset")))) {
                return true;
            }
        }
        return false;
    }

    private String path() {
        try {
            return uriInfo == null ? "this address" : "/api/" + uriInfo.getPath();
        } catch (RuntimeException outsideRequest) {
            return "this address";
        }
    }
}
