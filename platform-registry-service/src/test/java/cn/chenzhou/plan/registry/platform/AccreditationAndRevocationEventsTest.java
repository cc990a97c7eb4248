package cn.chenzhou.plan.registry.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chenzhou.plan.chassis.testing.EventProbe;
import cn.chenzhou.plan.chassis.testing.Http;
import cn.chenzhou.plan.chassis.testing.TestTokens;
import cn.chenzhou.plan.registry.RegistryApiTest;
import cn.chenzhou.plan.registry.TestData;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * On the real Kafka broker and MongoDB-wire server: an accreditation and a revocation each publish exactly one event,
 * in order, as CloudEvents keyed by the platform with its county, the acting principal and the next sequence.
 */
class AccreditationAndRevocationEventsTest extends RegistryApiTest {

    @Test
    void anAccreditationAndARevocationEachPublishExactlyOneEventInOrder() {
        String code = TestData.creditCode(ZIXING);
        Http.Response registered = http().post("/api/registry/platforms", TestTokens.county(ZIXING),
                PlatformApiTest.platform(ZIXING, code, "KEY_LABORATORY", "PROVINCIAL"));
        String id = registered.json().get("id").asString();

        try (EventProbe probe = probe()) {
            assertThat(http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.admin(),
                    PlatformApiTest.accreditation("PROVINCIAL", "2013-03-01")).status()).isEqualTo(200);
            List<ConsumerRecord<String, byte[]>> afterAccreditation = probe.await(1, Duration.ofSeconds(20));
            assertThat(afterAccreditation).hasSize(1);

            assertThat(http().post("/api/registry/platforms/" + id + "/revocation", TestTokens.admin(),
                    PlatformApiTest.revocation("2013-10-08")).status()).isEqualTo(200);
            List<ConsumerRecord<String, byte[]>> events = probe.await(2, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofSeconds(1))).as("nothing more than the two").hasSize(2);

            assertThat(events).extracting(e -> e.key()).containsOnly(id);
            assertThat(events).extracting(e -> type(e)).containsExactly(
                    "cn.chenzhou.plan.platform.accredited.v1", "cn.chenzhou.plan.platform.revoked.v1");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_sequence")).containsExactly("2", "3");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_subject")).containsOnly(id);
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_county")).containsOnly(ZIXING);
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_actor")).containsOnly("plan-office");
            assertThat(events).extracting(e -> EventProbe.header(e, "ce_source")).containsOnly("/platform-registry-service");
            assertThat(events.get(0).partition()).isEqualTo(events.get(1).partition());
            assertThat(events.get(0).offset()).isLessThan(events.get(1).offset());

            assertThat(data(events.get(0)).get("accreditedOn").asString()).isEqualTo("2013-03-01");
            assertThat(data(events.get(0)).get("accreditingBody").asString()).isEqualTo("湖南省科学技术厅");
            assertThat(data(events.get(1)).get("reason").asString()).isEqualTo("年度考核不合格");
        }
    }

    @Test
    void aRefusedAccreditationOrRevocationPublishesNothing() {
        String code = TestData.creditCode(ZIXING);
        String id = http().post("/api/registry/platforms", TestTokens.county(ZIXING),
                PlatformApiTest.platform(ZIXING, code, "ACADEMICIAN_WORKSTATION", "MUNICIPAL")).json().get("id").asString();

        try (EventProbe probe = probe()) {
            assertThat(http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.admin(),
                    PlatformApiTest.accreditation("MUNICIPAL", today().plusDays(2).toString())).status()).isEqualTo(400);
            assertThat(http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.admin(),
                    PlatformApiTest.accreditation("MUNICIPAL", "2012-06-14")).status()).isEqualTo(400);
            assertThat(http().post("/api/registry/platforms/" + id + "/accreditation", TestTokens.county(ZIXING),
                    PlatformApiTest.accreditation("MUNICIPAL", "2013-01-01")).status()).isEqualTo(403);
            assertThat(http().post("/api/registry/platforms/" + id + "/revocation", TestTokens.admin(),
                    PlatformApiTest.revocation(today().plusDays(2).toString())).status()).isEqualTo(400);
            assertThat(probe.drain(Duration.ofSeconds(1))).isEmpty();
        }
        assertThat(http().get("/api/registry/platforms/" + id, TestTokens.admin()).json().get("version").asLong()).isEqualTo(1);
    }
}
