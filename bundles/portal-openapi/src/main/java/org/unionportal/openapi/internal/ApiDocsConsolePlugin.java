package org.unionportal.openapi.internal;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * The web console's link to the API docs: a tab "API 文档 / API docs" in the Union Portal category. A plain
 * servlet with the console's plugin properties (the console frames its output), so this bundle needs no
 * console classes.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=union-api",
        "felix.webconsole.title=API 文档 / API docs",
        "felix.webconsole.category=Union Portal"})
public class ApiDocsConsolePlugin extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<div class='ui-widget'><p>门户当前提供的全部 REST 接口（随模块安装、卸载实时变化）/ "
                + "Every REST resource the portal serves right now (follows modules as they come and go):</p><ul>"
                + "<li><a id='union-api-docs' href='/api/docs' target='_blank' rel='noopener'>API 文档 / API docs (swagger-ui)</a></li>"
                + "<li><a id='union-api-openapi' href='/api/openapi.json' target='_blank' rel='noopener'>OpenAPI 3 JSON</a></li>"
                + "</ul></div>");
    }
}
