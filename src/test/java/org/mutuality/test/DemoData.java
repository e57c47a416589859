package org.mutuality.test;

import java.util.UUID;
import org.mutuality.shared.AgencyId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Looks up the demo agency that the test profile loads. */
public final class DemoData {

    private DemoData() {}

    public static AgencyId agency(JdbcClient jdbc) {
        return new AgencyId(jdbc.sql("select id from agency where demo = true")
                .query(UUID.class)
                .single());
    }

    public static long tokensOf(JdbcClient jdbc, String username) {
        return jdbc.sql(
                        "select count(*) from api_token t join user_account a on a.id = t.account_id where a.username = :u")
                .param("u", username)
                .query(Long.class)
                .single();
    }
}
