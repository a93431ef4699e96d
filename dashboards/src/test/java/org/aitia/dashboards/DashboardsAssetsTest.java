package org.aitia.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DashboardsAssetsTest {

    private static String asset(String name) throws IOException {
        try (InputStream in =
                DashboardsAssetsTest.class.getResourceAsStream("/aitia-dashboards/" + name)) {
            assertThat(in).as(name + " is packaged").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldPackageThePageItsScriptAndItsStyle() throws IOException {
        String html = asset("index.html");
        assertThat(html).contains("src=\"app.js\"").contains("href=\"style.css\"");
        assertThat(asset("style.css")).contains(".CRITICAL");
    }

    @Test
    void shouldCallOnlyRoutesTheAlarmsApiServes() throws IOException {
        Matcher m = Pattern.compile("['`](/(?:v1|api/v1)/[a-z/]*)").matcher(asset("app.js"));
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1));
        }
        assertThat(paths)
                .isNotEmpty()
                .allMatch(
                        p ->
                                p.startsWith("/v1/alarm/")
                                        || p.equals("/v1/alarm/count")
                                        || p.equals("/v1/status")
                                        || p.startsWith("/api/v1/incidents")
                                        || p.startsWith("/api/v1/actions"));
    }
}
