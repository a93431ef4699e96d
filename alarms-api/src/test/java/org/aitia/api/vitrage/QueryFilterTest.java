package org.aitia.api.vitrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.aitia.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class QueryFilterTest {
    private static final Map<String, Object> HOST =
            Map.of(
                    "vitrage_type",
                    "nova.host",
                    "vitrage_category",
                    "RESOURCE",
                    "cpu",
                    "12",
                    "vitrage_is_deleted",
                    false);
    private static final Map<String, Object> VM =
            Map.of(
                    "vitrage_type",
                    "nova.instance",
                    "vitrage_category",
                    "RESOURCE",
                    "cpu",
                    "4",
                    "vitrage_is_deleted",
                    false);

    private static QueryFilter q(String json) {
        return QueryFilter.parse(TextNode.valueOf(json));
    }

    @Test
    void shouldSelectByEqualityOrAndNot() {
        QueryFilter hosts = q("{\"==\": {\"vitrage_type\": \"nova.host\"}}");
        assertThat(hosts.test(HOST)).isTrue();
        assertThat(hosts.test(VM)).isFalse();
        QueryFilter both =
                q(
                        "{\"or\": [{\"==\": {\"vitrage_type\": \"nova.host\"}}, {\"==\": {\"vitrage_type\": \"nova.instance\"}}]}");
        assertThat(both.test(HOST) && both.test(VM)).isTrue();
        QueryFilter notHost =
                q(
                        "{\"and\": [{\"==\": {\"vitrage_category\": \"RESOURCE\"}}, {\"not\": {\"==\": {\"vitrage_type\": \"nova.host\"}}}]}");
        assertThat(notHost.test(HOST)).isFalse();
        assertThat(notHost.test(VM)).isTrue();
        assertThat(q("{\"==\": {\"vitrage_is_deleted\": false}}").test(HOST)).isTrue();
    }

    @Test
    void shouldCompareNumbersAsNumbers() {
        QueryFilter big = q("{\">\": {\"cpu\": 8}}");
        assertThat(big.test(HOST)).as("12 > 8, not '12' < '8'").isTrue();
        assertThat(big.test(VM)).isFalse();
    }

    @Test
    void shouldNameWhatIsWrongInAMalformedQuery() {
        assertThatThrownBy(() -> q("{\"~\": {\"a\": 1}}"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("unknown operator '~'");
        assertThatThrownBy(() -> q("{\"and\": []}"))
                .hasMessage("query.and must be a non-empty list");
        assertThatThrownBy(() -> q("{not json")).hasMessageStartingWith("query is not JSON");
    }
}
