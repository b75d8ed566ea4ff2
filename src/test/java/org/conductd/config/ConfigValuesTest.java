package org.conductd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    private static ConfigValues of(String key, Object value) {
        return new ConfigValues(new PropertySourcePropertyResolver(PropertySource.of(Map.of("conductd." + key, value))));
    }

    @Test
    void sizesAreReadWithOrWithoutASpaceBeforeTheUnit() {
        assertEquals(25L * 1024 * 1024, of("size", "25MB").size("size", 1));
        assertEquals(25L * 1024 * 1024, of("size", "25 mb").size("size", 1));
        assertEquals(512, of("size", "512B").size("size", 1));
        assertEquals(512, of("size", "512").size("size", 1));
    }

    @Test
    void aSizeOfZeroIsRefused() {
        assertEquals("conductd.size: must be greater than zero",
                assertThrows(ConfigException.class, () -> of("size", "0KB").size("size", 1)).getMessage());
    }

    @Test
    void aBlankValueTakesTheDefault() {
        assertEquals(Duration.ofSeconds(7), of("wait", " ").duration("wait", Duration.ofSeconds(7)));
    }

    @Test
    void aZeroDurationIsRefused() {
        assertEquals("conductd.wait: '0s' is not a positive duration (e.g. 30s, 5m)",
                assertThrows(ConfigException.class, () -> of("wait", "0s").duration("wait", Duration.ZERO)).getMessage());
    }

    @Test
    void aPortOutsideTheRangeIsRefused() {
        assertEquals("conductd.port: '0' is not a port number (1-65535)",
                assertThrows(ConfigException.class, () -> of("port", "0").port("port", 1)).getMessage());
    }

    @Test
    void aListMayBeACommaSeparatedString() {
        assertEquals(List.of("a", "b"), of("list", " a, ,b ").stringList("list"));
    }

    @Test
    void aListOfMapsIsRefused() {
        assertEquals("conductd.list: must be a list of plain values",
                assertThrows(ConfigException.class, () -> of("list", List.of(Map.of("a", "b"))).stringList("list")).getMessage());
    }
}
