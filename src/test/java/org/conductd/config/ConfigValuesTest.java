package org.conductd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a value of each kind is bound, and what a value of the wrong kind is told. */
class ConfigValuesTest {

    /**
     * One value of each kind, bound like the configuration records. A class, not a record:
     * a record cannot have a component named {@code wait}.
     */
    @ConfigurationProperties("conductd")
    static final class Values {
        @Nullable @Positive private ByteSize size;
        @Positive private Duration wait = Duration.ofSeconds(7);
        @Nullable @Min(1) @Max(65535) private Integer port;
        @Nullable private List<String> list;

        public ByteSize getSize() {
            return size;
        }

        public void setSize(ByteSize size) {
            this.size = size;
        }

        public Duration getWait() {
            return wait;
        }

        public void setWait(Duration wait) {
            this.wait = wait;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public List<String> getList() {
            return ConfigErrors.plainValues(list);
        }

        public void setList(List<String> list) {
            this.list = list;
        }
    }

    private static Values of(String key, Object value) {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("conductd." + key, value)).build()) {
            context.getEnvironment().start();
            try (ApplicationContext records = SettingsLoader.recordsContext(context.getEnvironment(), List.of(Values.class))) {
                return new ConfigErrors(records).bind(Values.class);
            }
        }
    }

    @Test
    void sizesAreReadWithOrWithoutASpaceBeforeTheUnit() {
        assertEquals(25L * 1024 * 1024, of("size", "25MB").getSize().bytes());
        assertEquals(25L * 1024 * 1024, of("size", "25 mb").getSize().bytes());
        assertEquals(512, of("size", "512B").getSize().bytes());
        assertEquals(512, of("size", "512").getSize().bytes());
    }

    @Test
    void aSizeOfZeroIsRefused() {
        assertEquals("conductd.size: must be greater than zero",
                assertThrows(ConfigException.class, () -> of("size", "0KB")).getMessage());
    }

    @Test
    void aBlankValueTakesTheDefault() {
        assertEquals(Duration.ofSeconds(7), of("wait", " ").getWait());
    }

    @Test
    void aZeroDurationIsRefused() {
        assertEquals("conductd.wait: '0s' is not a positive duration (e.g. 30s, 5m)",
                assertThrows(ConfigException.class, () -> of("wait", "0s")).getMessage());
    }

    @Test
    void aPortOutsideTheRangeIsRefused() {
        assertEquals("conductd.port: '0' is not a port number (1-65535)",
                assertThrows(ConfigException.class, () -> of("port", "0")).getMessage());
    }

    @Test
    void aListMayBeACommaSeparatedString() {
        assertEquals(List.of("a", "b"), of("list", " a, ,b ").getList());
    }

    @Test
    void aListOfMapsIsRefused() {
        assertEquals("conductd.list: must be a list of plain values",
                assertThrows(ConfigException.class, () -> of("list", List.of(Map.of("a", "b")))).getMessage());
    }
}
