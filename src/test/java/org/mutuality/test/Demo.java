package org.mutuality.test;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Ids of the demo agency's people, looked up by legal name. */
public final class Demo {

    private Demo() {}

    public static String personId(JdbcClient jdbc, String legalName) {
        return jdbc.sql("select p.id from person p join agency a on a.id = p.agency_id"
                        + " where a.demo = true and p.legal_name = :name")
                .param("name", legalName)
                .query(UUID.class)
                .single()
                .toString();
    }
}
