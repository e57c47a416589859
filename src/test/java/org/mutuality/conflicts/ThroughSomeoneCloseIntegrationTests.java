package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reason that rests on someone close is masked when the closeness is hidden from the caller, even
 * if the other relationship is one all staff see (ADR 0012). In an agency of its own: Xavier
 * supervises Wren (seen by all staff); Ava declares that Xavier is her partner (seen by the two of
 * them and the privacy lead). A coordinator asks whether Ava may approve Wren's hours.
 */
@IntegrationTest
class ThroughSomeoneCloseIntegrationTests {

    @Autowired
    TestAgency demo;

    TestAgency agency;
    Person wren;
    Person xavier;
    Person ava;
    String avaToken;

    @BeforeEach
    void avaIsXaviersPartner() {
        agency = demo.inAgency("Close");
        wren = agency.person("Wren").role(Role.PEER_WORKER).account().create();
        ava = agency.person("Ava").role(Role.SUPERVISOR).account().create();
        avaToken = agency.token(ava);
    }

    @Test
    void masksAReasonThroughSomeoneCloseWhenTheClosenessIsHiddenFromTheCaller() {
        String managerToken = xavierSupervisesWren();

        Api.Response asked = askWhetherAvaMayApproveWrensHours(managerToken, "");

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("reasons").get(0).get("rule").asString()).isEqualTo("declared-relationship");
        assertThat(asked.json().get("reasons").toString())
                .doesNotContain("Xavier")
                .doesNotContain("SUPERVISES");
    }

    @Test
    void namesTheOneCloseToAPartyToTheCloseness() {
        xavierSupervisesWren();

        Api.Response own = askWhetherAvaMayApproveWrensHours(avaToken, "");

        assertThat(own.json().get("reasons").get(0).get("via").asString()).isEqualTo("Xavier");
    }

    /** APA 3.05 (a)(2): Ava's partner Xavier is Wren's brother, which asks for a consultation. */
    @Test
    void asksForAConsultationThroughSomeoneClose() {
        String privacy = xavierIsWrensBrother();

        Api.Response asked = askWhetherAvaMayApproveWrensHours(privacy, "");

        assertThat(asked.json().get("decision").asString()).isEqualTo("CONSULT");
        assertThat(asked.json().get("reasons").get(0).get("rule").asString())
                .isEqualTo("intimate-or-family-through-someone-close");
    }

    /** The privacy lead, who may see both relationships, reads the path in words. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''       | Through someone close: Ava and Xavier are partners, and Xavier and Wren are family. One of the two",
                "?lang=fr | Par une personne proche : Ava et Xavier sont partenaires, et Xavier et Wren sont de la même famille. L’une des deux"
            })
    void namesThePathThroughSomeoneCloseInTheReadersLanguage(String language, String explanation) {
        String privacy = xavierIsWrensBrother();

        Api.Response asked = askWhetherAvaMayApproveWrensHours(privacy, language);

        assertThat(asked.json().get("reasons").get(0).get("explanation").asString())
                .startsWith(explanation);
    }

    /** Xavier, supervisor, supervises Wren, as a manager records; Ava is his partner. The manager's token. */
    private String xavierSupervisesWren() {
        String managerToken = agency.token(
                agency.person("Morgan").roleAcrossAgency(Role.MANAGER).account().create());
        xavier = agency.person("Xavier").role(Role.SUPERVISOR).create();
        agency.relate(managerToken, "SUPERVISES", xavier.id(), wren.id());
        agency.relate(avaToken, "PARTNER", ava.id(), xavier.id());
        return managerToken;
    }

    /** Xavier, a participant, is Ava's partner and Wren's brother. The privacy lead's token. */
    private String xavierIsWrensBrother() {
        xavier = agency.person("Xavier").role(Role.PARTICIPANT).create();
        agency.relate(avaToken, "PARTNER", ava.id(), xavier.id());
        agency.relate(agency.token(wren), "FAMILY", xavier.id(), wren.id());
        return agency.token(agency.person("Priya")
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create());
    }

    private Api.Response askWhetherAvaMayApproveWrensHours(String token, String language) {
        return agency.api()
                .post(
                        "/api/v1/conflicts/check" + language,
                        token,
                        Api.json(Map.of(
                                "action",
                                "APPROVE_TIMESHEET",
                                "actorId",
                                ava.id().value().toString(),
                                "subjectId",
                                wren.id().value().toString())));
    }
}
