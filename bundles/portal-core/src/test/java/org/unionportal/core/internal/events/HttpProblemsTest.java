package org.unionportal.core.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionportal.api.i18n.Language;
import org.unionportal.api.i18n.Text;

class HttpProblemsTest {
    @Test
    void aServletProblemHasACodeAndOneLanguage() throws Exception {
        Text detail = Text.of("没有这个“页面”。", "No such \"page\".");
        Map<?, ?> zh = new ObjectMapper().readValue(HttpProblems.json(404, "page_not_found", detail, Language.ZH), Map.class);
        assertEquals("page_not_found", zh.get("code"));
        assertEquals("未找到", zh.get("title"));
        assertEquals("没有这个“页面”。", zh.get("detail"));
        assertEquals(404, zh.get("status"));
        Map<?, ?> en = new ObjectMapper().readValue(HttpProblems.json(404, "page_not_found", detail, Language.EN), Map.class);
        assertEquals("Not found", en.get("title"));
        assertEquals("No such \"page\".", en.get("detail"));
    }
}
