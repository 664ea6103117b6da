package pdmbot.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** lib/gitlab/pagination/offset_pagination.rb and offset_header_builder.rb, without a server. */
class PaginationTest {

    private static ApiRequest request(String query) {
        return new ApiRequest("GET", "/api/v4/projects/1/issues", query, "http://127.0.0.1:1", Map.of(), new byte[0], null);
    }

    private static Map<String, String> headers(String query, int rows) {
        List<Integer> all = IntStream.range(0, rows).boxed().toList();
        return Pagination.page(request(query), all, i -> Json.object().put("id", i)).headers();
    }

    @Test
    void an_empty_list_has_one_page_and_no_next() {
        Map<String, String> h = headers(null, 0);
        assertThat(h).containsEntry("X-Total", "0").containsEntry("X-Total-Pages", "1").containsEntry("X-Next-Page", "");
    }

    @Test
    void per_page_is_capped_at_100() {
        assertThat(headers("per_page=500", 250)).containsEntry("X-Per-Page", "100").containsEntry("X-Total-Pages", "3");
    }

    @Test
    void above_ten_thousand_rows_there_are_no_totals_and_no_last_link() {
        Map<String, String> h = headers("per_page=100&page=2", 10_001);
        assertThat(h).doesNotContainKeys("X-Total", "X-Total-Pages").containsEntry("X-Next-Page", "3").containsEntry("X-Prev-Page", "1");
        assertThat(h.get("Link")).contains("rel=\"prev\"", "rel=\"next\"", "rel=\"first\"").doesNotContain("rel=\"last\"");
    }

    @Test
    void links_keep_the_other_query_parameters() {
        Map<String, String> h = headers("state=opened&labels=Incident%3A%3AActive&per_page=1", 3);
        assertThat(h.get("Link")).startsWith("<http://127.0.0.1:1/api/v4/projects/1/issues?labels=Incident%3A%3AActive&page=2&per_page=1&state=opened>; rel=\"next\"");
    }
}
