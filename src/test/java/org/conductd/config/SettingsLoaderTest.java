package org.conductd.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.inject.BeanDefinition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

    static Map<String, Object> valid() {
        Map<String, Object> p = new HashMap<>();
        p.put("conductd.event-name", "Test Conf");
        p.put("conductd.address", "conduct@example.org");
        p.put("conductd.imap.host", "imap.example.org");
        p.put("conductd.imap.username", "conduct@example.org");
        p.put("conductd.imap.password", "secret");
        p.put("conductd.smtp.host", "smtp.example.org");
        p.put("conductd.smtp.username", "conduct@example.org");
        p.put("conductd.smtp.password", "secret");
        p.put("conductd.appeals-contact", "leaders@example.org");
        p.put("conductd.security.token-secret", "3de361709fe711c17bab6b5927feb0d732f31a40dca63506b0160853d885e543");
        p.put("conductd.team", List.of(Map.of("name", "Alice Example", "email", "alice@example.org")));
        return p;
    }

    private static Settings load(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).build()) {
            context.getEnvironment().start();
            return SettingsLoader.of(context.getEnvironment()).load();
        }
    }

    private static String problemWith(String key, Object value) {
        Map<String, Object> p = valid();
        if (value == null) {
            p.remove(key);
        } else {
            p.put(key, value);
        }
        return assertThrows(ConfigException.class, () -> load(p)).key();
    }

    @Test
    void validConfigurationGetsTheDocumentedDefaults() {
        Settings s = load(valid());
        assertEquals(993, s.imap().port());
        assertEquals(587, s.smtp().port());
        assertEquals(Duration.ofSeconds(30), s.pollInterval());
        assertEquals(25L * 1024 * 1024, s.maxMessageSize());
        assertEquals("CoC", s.subjectTag());
        assertEquals("conduct@djangoproject.com", s.dsfAddress().address());
        assertEquals(1, s.approvalsRequired());
        assertEquals(Resolutions.DEFAULTS, s.resolutions());
    }

    @Test
    void everyOptionalKeyHasItsDefault() {
        Settings s = load(valid());
        assertEquals(Duration.ofMinutes(9), s.idleRefresh());
        assertEquals(Duration.ofSeconds(5), s.messageBudget());
        assertEquals(500, s.maxMimeParts());
        assertEquals(30, s.floodNewCasesPerHour());
        assertEquals(Duration.ofMinutes(10), s.floodSummaryEvery());
        assertEquals(Duration.ofHours(48), s.reminderIdleAfter());
        assertEquals(Duration.ofDays(90), s.tokenMaxAge());
        assertEquals("0 0 8 * * MON", s.digestCron());
        assertEquals("UTC", s.digestZone().getId());
        assertEquals(3, s.acknowledgementsPerHour());
        assertEquals("data", s.dataDir().toString());
        assertEquals("INBOX", s.imapFolder());
        assertEquals(Duration.ofSeconds(30), s.imap().timeout());
        assertEquals(Duration.ofSeconds(30), s.smtp().timeout());
        assertEquals("", s.emergencyContact());
        assertEquals(List.of(), s.organizers());
        assertEquals(List.of(), s.trustedAuthservIds());
        assertEquals(null, s.templatesDir());
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithWhatWasExpected() {
        Map<String, Object> p = valid();
        p.put("conductd.approvals-required", "two");

        assertEquals("conductd.approvals-required: 'two' is not a whole number of at least 1",
                assertThrows(ConfigException.class, () -> load(p)).getMessage());
    }

    @Test
    void aBlankValueTakesTheDefault() {
        Map<String, Object> p = valid();
        p.put("conductd.subject-tag", "  ");
        p.put("conductd.poll-interval", "");

        Settings s = load(p);

        assertEquals("CoC", s.subjectTag());
        assertEquals(Duration.ofSeconds(30), s.pollInterval());
    }

    @Test
    void missingImapHostIsNamed() {
        assertEquals("conductd.imap.host", problemWith("conductd.imap.host", null));
    }

    @Test
    void badAddressIsNamed() {
        assertEquals("conductd.address", problemWith("conductd.address", "not an address"));
    }

    @Test
    void badSecurityIsNamed() {
        assertEquals("conductd.smtp.security", problemWith("conductd.smtp.security", "ssl-please"));
    }

    @Test
    void badPortIsNamed() {
        assertEquals("conductd.imap.port", problemWith("conductd.imap.port", "99999"));
    }

    @Test
    void badPollIntervalIsNamed() {
        assertEquals("conductd.poll-interval", problemWith("conductd.poll-interval", "soon"));
    }

    @Test
    void badSizeIsNamed() {
        assertEquals("conductd.max-message-size", problemWith("conductd.max-message-size", "big"));
    }

    @Test
    void shortTokenSecretIsNamed() {
        assertEquals("conductd.security.token-secret", problemWith("conductd.security.token-secret", "short"));
    }

    @Test
    void tokenSecretOf32RandomHexDigitsIsAccepted() {
        Map<String, Object> p = valid();
        p.put("conductd.security.token-secret", "84ebec0ab81c4e0f945ddb0adc013476");

        assertEquals("84ebec0ab81c4e0f945ddb0adc013476", load(p).tokenSecret());
    }

    @Test
    void tokenSecretOf31CharactersIsRefused() {
        assertEquals("conductd.security.token-secret",
                problemWith("conductd.security.token-secret", "320d1bf1690abc871682a73d63fd84c"));
    }

    @Test
    void tokenSecretOfOneRepeatedCharacterIsRefused() {
        assertEquals("conductd.security.token-secret", problemWith("conductd.security.token-secret", "x".repeat(64)));
    }

    @Test
    void tokenSecretOfAShortPieceRepeatedIsRefused() {
        assertEquals("conductd.security.token-secret",
                problemWith("conductd.security.token-secret", "0123456789abcdef0123456789abcdef0123"));
    }

    @Test
    void tokenSecretOfFewDifferentCharactersIsRefused() {
        assertEquals("conductd.security.token-secret",
                problemWith("conductd.security.token-secret", "abba-cab-dab-bad-cad-abc-dcba-acdc-bcd"));
    }

    @Test
    void refusedTokenSecretSaysHowToMakeOne() {
        Map<String, Object> p = valid();
        p.put("conductd.security.token-secret", "change-me");

        String message = assertThrows(ConfigException.class, () -> load(p)).getMessage();

        assertTrue(message.startsWith("conductd.security.token-secret: "), message);
        assertTrue(message.contains("at least 32 characters") && message.contains("openssl rand -hex 32"), message);
        assertFalse(message.contains("change-me"), "the refusal does not repeat the secret: " + message);
    }

    @Test
    void aRepeatedPieceIsFoundWhereverTheRepetitionStops() {
        assertTrue(TokenSecretStrength.repeatsAShorterPiece("abcabcab"));
        assertTrue(TokenSecretStrength.repeatsAShorterPiece("aaaa"));
        assertFalse(TokenSecretStrength.repeatsAShorterPiece("abcabcx"));
        assertFalse(TokenSecretStrength.repeatsAShorterPiece("abcdab"));
    }

    @Test
    void emptyTeamIsNamed() {
        assertEquals("conductd.team", problemWith("conductd.team", null));
    }

    @Test
    void teamMemberWithoutEmailIsNamedByPosition() {
        assertEquals("conductd.team[0].email", problemWith("conductd.team", List.of(Map.of("name", "Alice"))));
    }

    @Test
    void addressOnTheRosterTwiceIsRefused() {
        assertEquals("conductd.team[1]", problemWith("conductd.team", List.of(
                Map.of("name", "Alice", "email", "alice@example.org"),
                Map.of("name", "Alice Again", "email", "ALICE@example.org"))));
    }

    @Test
    void badCronIsNamed() {
        assertEquals("conductd.digest.cron", problemWith("conductd.digest.cron", "every monday"));
    }

    @Test
    void badZoneIsNamed() {
        assertEquals("conductd.digest.zone", problemWith("conductd.digest.zone", "Mars/Olympus"));
    }

    @Test
    void badResolutionIsNamed() {
        assertEquals("conductd.resolutions", problemWith("conductd.resolutions", List.of("Warning Given")));
    }

    @Test
    void smtpDefaultsToStarttlsOnTheSubmissionPort() {
        Settings s = load(valid());
        assertEquals(MailServer.Security.STARTTLS, s.smtp().security());
        assertEquals(587, s.smtp().port());
        assertEquals(MailServer.Security.TLS, s.imap().security());
    }

    @Test
    void smtpWithTlsDefaultsToPort465() {
        Map<String, Object> p = valid();
        p.put("conductd.smtp.security", "tls");
        assertEquals(465, load(p).smtp().port());
    }

    @Test
    void templatesDirThatIsNotAFolderIsNamed() {
        assertEquals("conductd.templates-dir", problemWith("conductd.templates-dir", "/no/such/folder"));
    }

    @Test
    void securityNoneDefaultsToPlainPorts() {
        Map<String, Object> p = valid();
        p.put("conductd.imap.security", "none");
        p.put("conductd.smtp.security", "none");
        Settings s = load(p);
        assertEquals(143, s.imap().port());
        assertEquals(25, s.smtp().port());
    }

    @Test
    void everyDefaultResolutionHasADescription() {
        Settings s = load(valid());
        assertEquals(Resolutions.DEFAULTS.size(), s.resolutionDescriptions().size());
        assertEquals("A warning to stop the behaviour; any further report will lead to sanctions.",
                s.resolutionDescription("warning"));
        assertEquals("No action: the team found that no violation of the Code of Conduct occurred.",
                s.resolutionDescription("no-action"));
    }

    @Test
    void aConfiguredDescriptionReplacesTheDefault() {
        Map<String, Object> p = valid();
        p.put("conductd.resolution-descriptions", Map.of("warning", "  A written warning;\n any repeat ends your visit.  "));
        Settings s = load(p);
        assertEquals("A written warning; any repeat ends your visit.", s.resolutionDescription("warning"));
        assertEquals("The video of the talk will not be published.", s.resolutionDescription("no-video"));
    }

    @Test
    void aDescriptionFromAnEnvironmentVariableIsRead() {
        Map<String, Object> p = valid();
        p.put("conductd.resolution-descriptions.no-future-volunteering", "No volunteering for two years.");
        p.put("conductd.resolution-descriptions.no.future.volunteering", "No volunteering for two years.");
        p.put("conductd.resolution-descriptions.no-future.volunteering", "No volunteering for two years.");
        assertEquals("No volunteering for two years.", load(p).resolutionDescription("no-future-volunteering"));
    }

    @Test
    void aCustomResolutionWithoutADescriptionReadsAsItsName() {
        Map<String, Object> p = valid();
        p.put("conductd.resolutions", List.of("warning", "no-drinks-tickets"));
        Settings s = load(p);
        assertEquals(Map.of("warning", "A warning to stop the behaviour; any further report will lead to sanctions.",
                "no-drinks-tickets", "no drinks tickets"), s.resolutionDescriptions());
    }

    @Test
    void aDescriptionOfAnUnknownResolutionIsNamed() {
        assertEquals("conductd.resolution-descriptions.warned",
                problemWith("conductd.resolution-descriptions", Map.of("warned", "A warning.")));
    }

    @Test
    void aDescriptionOfAResolutionLeftOutOfTheListIsNamed() {
        Map<String, Object> p = valid();
        p.put("conductd.resolutions", List.of("warning", "ban"));
        p.put("conductd.resolution-descriptions", Map.of("no-video", "No video."));
        assertEquals("conductd.resolution-descriptions.no-video", assertThrows(ConfigException.class, () -> load(p)).key());
    }

    @Test
    void anEmptyDescriptionIsNamed() {
        assertEquals("conductd.resolution-descriptions.ban",
                problemWith("conductd.resolution-descriptions", Map.of("ban", " ")));
    }

    @Test
    void aMisspelledKeyIsNamedWithTheKeyItWasMeantToBe() {
        Map<String, Object> p = valid();
        p.put("conductd.poll-intervall", "1m");

        ConfigException e = assertThrows(ConfigException.class, () -> load(p));

        assertEquals("conductd.poll-intervall", e.key());
        assertEquals("conductd.poll-intervall: unknown key; did you mean conductd.poll-interval?", e.getMessage());
    }

    @Test
    void aKeyLikeNoneKnownIsNamedWithoutASuggestion() {
        Map<String, Object> p = valid();
        p.put("conductd.colour-scheme", "dark");

        assertEquals("conductd.colour-scheme: unknown key", assertThrows(ConfigException.class, () -> load(p)).getMessage());
    }

    @Test
    void keysReadOutsideTheLoaderAreAllowed() {
        Map<String, Object> p = valid();
        p.put("conductd.daemon", true);
        p.put("conductd.flood.check-every", "1m");
        p.put("conductd.pause-at", "after-send");

        assertEquals("Test Conf", load(p).eventName());
    }

    @Test
    void aMailServerWrittenAsOneMapIsAllowed() {
        Map<String, Object> p = valid();
        p.put("conductd.dsf", Map.of("address", "dsf@example.org"));

        assertEquals("dsf@example.org", load(p).dsfAddress().address());
    }

    @Test
    void everyKeyTheLoaderReadsIsKnown() {
        Set<String> read = new TreeSet<>();
        // With one member on the roster, so that the roster's entries have a bean definition too.
        try (ApplicationContext context = ApplicationContext.builder().enableDefaultPropertySources(false)
                .properties(Map.of("conductd.team", List.of(Map.of("name", "Alice")))).build().start()) {
            for (BeanDefinition<?> definition : context.getBeanDefinitions(Object.class)) {
                Optional<String> prefix = definition.stringValue(ConfigurationReader.class, "prefix");
                boolean ours = Settings.class.getProtectionDomain().getCodeSource()
                        .equals(definition.getBeanType().getProtectionDomain().getCodeSource());
                if (ours && prefix.isPresent() && prefix.get().startsWith("conductd")) {
                    for (String name : BeanIntrospection.getIntrospection(definition.getBeanType()).getPropertyNames()) {
                        read.add(prefix.get().replace("[*]", "[0]") + "." + NameUtils.hyphenate(name));
                    }
                }
            }
        }

        assertTrue(read.contains("conductd.imap.host"), read.toString());
        assertTrue(read.contains("conductd.team[0].email"), read.toString());
        new UnknownKeys(SettingsLoader.knownKeys()).rejectUnknown(read);
    }
}
