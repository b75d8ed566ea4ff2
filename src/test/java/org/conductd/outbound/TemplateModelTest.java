package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.samskivert.mustache.Mustache;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every template is given one model record of its own, and the shipped template and its model
 * cannot drift apart: each placeholder is a component (or a common value of case mail), each
 * component is shown, and every text in a model, in its rows too, goes through the walk that
 * takes an anonymous reporter out.
 */
class TemplateModelTest {

    private static final TemplateSource SHIPPED = new TemplateSource(null);
    private static final TemplateRenderer RENDERER = new TemplateRenderer(SHIPPED);

    /** Names Mustache itself gives a meaning to, and the reserved quote block. */
    private static final Set<String> BUILT_IN = Set.of("-first", "-last", "-index", ".", "this", TemplateRenderer.QUOTE);

    private static boolean aboutCase(TemplateId template) {
        return TemplateModel.AboutCase.class.isAssignableFrom(template.model());
    }

    private static List<String> names(Class<?> record) {
        return Stream.of(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Nested
    class OneModelPerTemplate {

        @Test
        void everyTemplateHasAModelOfItsOwnAndEveryModelATemplate() {
            Set<Class<?>> models = new HashSet<>();
            for (TemplateId template : TemplateId.values()) {
                assertTrue(models.add(template.model()), template + " shares its model with another template");
                assertEquals(template, TemplateId.of(template.model()));
                assertEquals(template, TemplateCheck.emptyModel(template).template());
            }
            assertEquals(models, permittedRecords(TemplateModel.class));
        }

        @Test
        void aRecordThatIsNoModelNamesNoTemplate() {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<? extends TemplateModel> notAModel = (Class) TemplateModel.Line.class;

            assertThrows(IllegalArgumentException.class, () -> TemplateId.of(notAModel));
        }

        private static Set<Class<?>> permittedRecords(Class<?> sealed) {
            Set<Class<?>> records = new HashSet<>();
            for (Class<?> permitted : sealed.getPermittedSubclasses()) {
                if (permitted.isRecord()) {
                    records.add(permitted);
                } else {
                    assertTrue(permitted.isSealed() && permitted.isInterface(), permitted + " is neither a record nor sealed");
                    records.addAll(permittedRecords(permitted));
                }
            }
            return records;
        }
    }

    @Nested
    class WhatAModelHolds {

        @ParameterizedTest
        @EnumSource(TemplateId.class)
        void everyValueIsTextANumberAFlagOrRowsOfThem(TemplateId template) {
            checkComponents(template.model(), new HashSet<>());
        }

        @ParameterizedTest
        @EnumSource(TemplateId.class)
        void aModelOfCaseMailHidesNoCommonValue(TemplateId template) {
            Set<String> clashes = new TreeSet<>(names(template.model()));
            clashes.retainAll(aboutCase(template) ? names(TemplateModel.CaseValues.class) : List.of());
            assertEquals(Set.of(), clashes, template + " would be overwritten by the case's common values");
        }

        @Test
        void aComponentNamedQuoteIsRefused() {
            record Quoting(String quote) {
            }

            assertThrows(IllegalArgumentException.class, () -> TemplateValues.of(new Quoting("x"), UnaryOperator.identity()));
        }

        @Test
        void aValueThatIsNotTextIsRefusedRatherThanShownByItsToString() {
            record Clock(Object at) {
            }

            assertThrows(IllegalArgumentException.class,
                    () -> TemplateValues.of(new Clock(java.time.Instant.EPOCH), UnaryOperator.identity()));
        }

        @Test
        void aMissingValueOfARowIsNullNotAbsent() {
            Map<String, Object> values = TemplateValues.of(new TemplateModel.Transcript(List.of(new TemplateModel.Line(null))),
                    UnaryOperator.identity());

            @SuppressWarnings("unchecked")
            Map<String, Object> row = ((List<Map<String, Object>>) values.get("changes")).get(0);
            assertTrue(row.containsKey("line") && row.get("line") == null, row.toString());
        }

        private void checkComponents(Class<?> record, Set<Class<?>> seen) {
            if (!seen.add(record)) {
                return;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                assertFalse(component.getName().equals(TemplateRenderer.QUOTE), record + " uses the reserved name");
                checkType(component.getGenericType(), record.getSimpleName() + "." + component.getName(), seen);
            }
        }

        private void checkType(Type type, String where, Set<Class<?>> seen) {
            if (type instanceof ParameterizedType p
                    && (p.getRawType() == List.class || p.getRawType() == Optional.class)) {
                checkType(p.getActualTypeArguments()[0], where, seen);
            } else if (type instanceof Class<?> c && c.isRecord()) {
                checkComponents(c, seen);
            } else {
                assertTrue(Set.of(String.class, boolean.class, int.class, long.class, Boolean.class, Integer.class,
                        Long.class).contains(type), where + " is " + type.getTypeName());
            }
        }
    }

    @Nested
    class TemplateAndModelAgree {

        @ParameterizedTest
        @EnumSource(TemplateId.class)
        void everyPlaceholderOfTheShippedTemplateIsInItsModel(TemplateId template) {
            new Scan(template).run();
        }

        @ParameterizedTest
        @EnumSource(TemplateId.class)
        void everyValueOfTheModelIsShownByTheShippedTemplate(TemplateId template) {
            Set<String> used = new Scan(template).run();
            Set<String> unused = new TreeSet<>();
            collectComponents(template.model(), unused, new HashSet<>());
            unused.removeAll(used);
            assertEquals(Set.of(), unused, template + " is given values it never shows");
        }

        @ParameterizedTest
        @EnumSource(TemplateId.class)
        void theScanFindsEveryTagJMustacheFinds(TemplateId template) {
            MailTemplate shipped = SHIPPED.load(template.fileName());
            Set<String> parsed = new TreeSet<>();
            Mustache.Visitor visitor = new Mustache.Visitor() {
                @Override
                public void visitText(String text) {
                }

                @Override
                public void visitVariable(String name) {
                    parsed.add(name);
                }

                @Override
                public boolean visitInclude(String name) {
                    fail(template + " includes " + name);
                    return false;
                }

                @Override
                public boolean visitSection(String name) {
                    parsed.add(name);
                    return true;
                }

                @Override
                public boolean visitInvertedSection(String name) {
                    parsed.add(name);
                    return true;
                }
            };
            Mustache.compiler().compile(shipped.subject()).visit(visitor);
            Mustache.compiler().compile(shipped.body()).visit(visitor);

            assertEquals(parsed, new TreeSet<>(Scan.tagNames(shipped)));
        }

        private void collectComponents(Class<?> record, Set<String> into, Set<Class<?>> seen) {
            if (!seen.add(record)) {
                return;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                into.add(record.getSimpleName() + "." + component.getName());
                Class<?> row = rowType(component.getGenericType());
                if (row != null) {
                    collectComponents(row, into, seen);
                }
            }
        }
    }

    /**
     * Reads the template's tags in order, with the sections open at each: a placeholder inside
     * a section over a list of rows reads the row first, then what encloses it, as Mustache
     * does. A small scan rather than JMustache's visitor, which says where a section starts
     * but not where it ends; {@code theScanFindsEveryTagJMustacheFinds} keeps the two in step.
     */
    private static final class Scan {

        private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/!]?)\\s*(.*?)\\s*}}");

        private record Frame(String section, Class<?> row) {
        }

        private final TemplateId template;
        private final Deque<Frame> open = new ArrayDeque<>();
        private final Set<String> used = new LinkedHashSet<>();

        Scan(TemplateId template) {
            this.template = template;
        }

        static List<String> tagNames(MailTemplate shipped) {
            Matcher m = TAG.matcher(shipped.subject() + "\n" + shipped.body());
            List<String> names = new java.util.ArrayList<>();
            while (m.find()) {
                if (!m.group(1).equals("!") && !m.group(1).equals("/")) {
                    names.add(m.group(2));
                }
            }
            return names;
        }

        /** Fails on a placeholder the model does not have; returns each component read, as "Record.name". */
        Set<String> run() {
            MailTemplate shipped = SHIPPED.load(template.fileName());
            Matcher m = TAG.matcher(shipped.subject() + "\n" + shipped.body());
            while (m.find()) {
                String kind = m.group(1);
                String name = m.group(2);
                switch (kind) {
                    case "!" -> { }
                    case "/" -> {
                        assertFalse(open.isEmpty(), template + " closes " + name + " that is not open");
                        assertEquals(open.pop().section(), name, template + " closes the wrong section");
                    }
                    case "#" -> open.push(new Frame(name, rowType(resolve(name))));
                    case "^" -> {
                        resolve(name);
                        open.push(new Frame(name, null));
                    }
                    default -> resolve(name);
                }
            }
            assertTrue(open.isEmpty(), template + " leaves sections open: " + open);
            return used;
        }

        /** The type of the value the name reads where it stands, or null for a built-in or a common value. */
        private Type resolve(String name) {
            if (BUILT_IN.contains(name)) {
                return null;
            }
            for (Frame frame : open) {
                if (frame.row() != null) {
                    Type found = component(frame.row(), name);
                    if (found != null) {
                        return found;
                    }
                }
            }
            Type found = component(template.model(), name);
            if (found != null) {
                return found;
            }
            assertTrue(aboutCase(template) && names(TemplateModel.CaseValues.class).contains(name),
                    template + " uses {{" + name + "}}, which " + template.model().getSimpleName()
                            + " does not have" + (aboutCase(template) ? " and case mail does not add" : ""));
            return null;
        }

        private Type component(Class<?> record, String name) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    used.add(record.getSimpleName() + "." + name);
                    return component.getGenericType();
                }
            }
            return null;
        }
    }

    /** The row record a section over a value of this type reads, if it reads one. */
    private static Class<?> rowType(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> row && row.isRecord()) {
            return row;
        }
        return type instanceof Class<?> c && c.isRecord() ? c : null;
    }

    @Nested
    class AnAnonymousReporterIsTakenOut {

        private static final String NAME = "Jane Reporter";
        private static final String ADDRESS = "jane.r@home.example";
        private final ReporterScrubber scrubber = ReporterScrubber.builder().reporterName(NAME).reporterAddress(ADDRESS)
                .keepName("Alice Example").build();
        private final TemplateModel.CaseValues common = new TemplateModel.CaseValues("[CoC #7]", 7, "blue-heron",
                "Example Conf", "conduct@example.org", "Alice Example");

        @Test
        void aNestedRowsTextIsScrubbed() {
            TemplateModel.ApprovalRequest request = new TemplateModel.ApprovalRequest("D1", "Alice Example",
                    "a reply to the reporter", List.of(new TemplateModel.DraftedMessage("the reporter (anonymous)",
                    "Re: what " + NAME + " saw", "Dear " + NAME + ",\n\nwe write to " + ADDRESS + ".")), 1);

            RenderedMail mail = RENDERER.render(request, scrubber::scrub, common);

            String shown = (mail.subject() + mail.text() + mail.html()).toLowerCase(Locale.ROOT);
            assertFalse(shown.contains("jane"), shown);
            assertTrue(mail.text().contains("Dear " + ReporterScrubber.REPLACEMENT + ","), mail.text());
        }

        @ParameterizedTest
        @EnumSource(TemplateId.class)
        void everyTextOfEveryModelIsScrubbedRowsIncluded(TemplateId template) {
            if (!aboutCase(template)) {
                return;
            }
            TemplateModel.AboutCase model = (TemplateModel.AboutCase) sample(template.model());

            RenderedMail mail = RENDERER.render(model, scrubber::scrub, common);

            String shown = (mail.subject() + "\n" + mail.text() + "\n" + mail.html()).toLowerCase(Locale.ROOT);
            assertFalse(shown.contains("jane") || shown.contains("home.example"), template + ":\n" + shown);
            if (template.model().getRecordComponents().length > 0) {
                assertTrue(mail.text().contains(ReporterScrubber.REPLACEMENT), template + ":\n" + mail.text());
            }
        }

        /** A model whose every text names the reporter, every flag is set and every list has a row. */
        private Object sample(Class<?> record) {
            RecordComponent[] components = record.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sampleValue(components[i].getGenericType());
            }
            try {
                return record.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        private Object sampleValue(Type type) {
            if (type == String.class) {
                return NAME + " <" + ADDRESS + ">";
            }
            if (type == boolean.class || type == Boolean.class) {
                return true;
            }
            if (type == int.class || type == Integer.class) {
                return 1;
            }
            if (type == long.class || type == Long.class) {
                return 1L;
            }
            if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
                return List.of(sampleValue(p.getActualTypeArguments()[0]));
            }
            if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
                return Optional.of(sampleValue(p.getActualTypeArguments()[0]));
            }
            if (type instanceof Class<?> c && c.isRecord()) {
                return sample(c);
            }
            throw new AssertionError("no sample for " + type.getTypeName());
        }
    }

    @Test
    void theEmptyModelHasNothingInIt() {
        TemplateModel.CaseNotification empty =
                (TemplateModel.CaseNotification) TemplateCheck.emptyModel(TemplateId.CASE_NOTIFICATION);

        assertNotNull(empty.attachments());
        assertEquals(List.of(), empty.attachments());
        assertFalse(empty.anonymous());
        assertEquals(null, empty.reportText());
    }
}
