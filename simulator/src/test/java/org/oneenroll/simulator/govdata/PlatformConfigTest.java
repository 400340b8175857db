package org.oneenroll.simulator.govdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config file an operator writes: everything optional, typos refused with the key named. */
class PlatformConfigTest {

    private PlatformConfig cut;

    @Test
    void defaultsServeTheDemoKeyWithAMedianOf200Ms() {
        cut = PlatformConfig.defaults();
        assertEquals(Map.of("oneenroll-demo-key", "oneenroll"), cut.appKeys());
        assertEquals(200, cut.faults().get(Source.HUKOU).medianMs());
        assertNull(cut.faultSeed());
        assertTrue(cut.queryLogStdout());
    }

    @Test
    void aFileChangesOnlyWhatItNames() {
        cut = PlatformConfig.fromJson(
                """
                {
                  "appKeys": {"k-1": "oneenroll", "k-bench": "benchmark"},
                  "faults": {"seed": 5, "all": {"concurrency": 20},
                             "sources": {"social-insurance": {"medianMs": 400, "errorRate": 0.05}}},
                  "threads": 4,
                  "queryLog": {"capacity": 500, "file": "/tmp/q.ndjson", "stdout": false},
                  "shutdownGraceMs": 1000
                }
                """);
        assertEquals("benchmark", cut.appKeys().get("k-bench"));
        assertEquals(2, cut.appKeys().size(), "the demo key is replaced, not kept");
        assertEquals(5L, cut.faultSeed());
        assertEquals(20, cut.faults().get(Source.HUKOU).concurrency());
        assertEquals(400, cut.faults().get(Source.SOCIAL_INSURANCE).medianMs());
        assertEquals(20, cut.faults().get(Source.SOCIAL_INSURANCE).concurrency());
        assertEquals(0.05, cut.faults().get(Source.SOCIAL_INSURANCE).errorRate());
        assertEquals(200, cut.faults().get(Source.MARRIAGE).medianMs());
        assertEquals(Path.of("/tmp/q.ndjson"), cut.queryLogFile());
        assertEquals(Duration.ofSeconds(1), cut.shutdownGrace());
    }

    @Test
    void typosAndNonsenseAreRefusedWithTheKeyNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PlatformConfig.fromJson("{\"appkeys\": {}}"));
        assertTrue(e.getMessage().contains("appkeys"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PlatformConfig.fromJson("{\"appKeys\": {}}"));
        assertThrows(IllegalArgumentException.class, () -> PlatformConfig.fromJson("{\"threads\": 0}"));
        assertThrows(IllegalArgumentException.class, () -> PlatformConfig.fromJson("[1]"));
        assertThrows(
                IllegalArgumentException.class,
                () -> PlatformConfig.fromJson("{\"faults\": {\"all\": {\"medianMs\": 1.5}}}"));
    }
}
