package org.conductd.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRendererTest {

    @TempDir
    Path templates;

    @Test
    void aLongQuoteIsOneQuoteInTheTextAndBlocksOfLinesInTheMarkdown() {
        String content = String.join("\n", java.util.Collections.nCopies(450, "line"));
        assertEquals(450, TemplateRenderer.quoted(content, 0).lines().filter(l -> l.equals("> line")).count());
        assertEquals(0, TemplateRenderer.quoted(content, 0).lines().filter(String::isEmpty).count());
        List<String> blocks = List.of(TemplateRenderer.quoted(content, TemplateRenderer.LINES_PER_QUOTE_BLOCK).split("\n\n"));
        assertEquals(List.of(200L, 200L, 50L), blocks.stream().map(b -> b.lines().count()).toList());
    }

    private TemplateRenderer renderer;

    @BeforeEach
    void setUp() {
        renderer = new TemplateRenderer(new TemplateSource(templates));
    }

    private void template(String name, String text) throws IOException {
        Files.writeString(templates.resolve(name + ".md"), text);
    }

    private static Document parse(String html) {
        return Jsoup.parse(html);
    }

    @Nested
    class Rendering {

        @Test
        void subjectTextAndHtmlComeFromOneTemplate() throws IOException {
            template("hello", "Subject: Hello {{name}}\n\nDear {{name}},\n\nwelcome to **{{event}}**.\n");

            RenderedMail mail = renderer.render("hello", Map.of("name", "Ada", "event", "PyCon"));

            assertEquals("Hello Ada", mail.subject());
            assertEquals("Dear Ada,\n\nwelcome to **PyCon**.\n", mail.text());
            assertTrue(mail.html().startsWith("<html><body style=\""), mail.html());
            assertEquals("PyCon", parse(mail.html()).select("strong").text());
        }

        @Test
        void missingValuesRenderAsEmpty() throws IOException {
            template("gaps", "Subject: [{{tag}}] x\n\nA{{nothing}}B {{#list}}{{name}}{{/list}}C\n");

            RenderedMail mail = renderer.render("gaps", Map.of());

            assertEquals("[] x", mail.subject());
            assertEquals("AB C\n", mail.text());
        }

        @Test
        void nullValuesRenderAsEmpty() throws IOException {
            template("nulls", "Subject: s\n\nA{{value}}B\n");
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("value", null);

            assertEquals("AB\n", renderer.render("nulls", values).text());
        }

        @Test
        void listsOfMapsNumbersAndBooleansFillSections() throws IOException {
            template("lists", "Subject: {{count}} items\n\n{{#items}}\n- {{name}} ({{size}})\n{{/items}}\n"
                    + "\n{{#urgent}}URGENT{{/urgent}}{{^urgent}}calm{{/urgent}} {{meta.owner}}\n");

            RenderedMail mail = renderer.render("lists", Map.of(
                    "count", 2,
                    "items", List.of(Map.of("name", "a.png", "size", "1 KB"), Map.of("name", "b.pdf", "size", 20)),
                    "urgent", false,
                    "meta", Map.of("owner", "Bo")));

            assertEquals("2 items", mail.subject());
            assertEquals("- a.png (1 KB)\n- b.pdf (20)\n\ncalm Bo\n", mail.text());
            assertEquals(List.of("a.png (1 KB)", "b.pdf (20)"), parse(mail.html()).select("li").eachText());
        }

        @Test
        void emptyStringSectionHidesItsParagraph() throws IOException {
            template("optional", "Subject: s\n\nOne.\n\n{{#extra}}\nCall {{extra}}.\n\n{{/extra}}\nTwo.\n");

            assertEquals("One.\n\nTwo.\n", renderer.render("optional", Map.of("extra", "")).text());
            assertEquals("One.\n\nCall 112.\n\nTwo.\n", renderer.render("optional", Map.of("extra", "112")).text());
        }

        @Test
        void quoteSectionQuotesEveryLineInTextAndHtml() throws IOException {
            template("quoted", "Subject: s\n\nThey wrote:\n\n{{#quote}}{{body}}{{/quote}}\n\nEnd.\n");

            RenderedMail mail = renderer.render("quoted", Map.of("body", "first line\n\nsecond line"));

            assertEquals("They wrote:\n\n> first line\n>\n> second line\n\nEnd.\n", mail.text());
            Document html = parse(mail.html());
            assertEquals(1, html.select("blockquote").size());
            assertTrue(html.select("blockquote").text().contains("first line"));
            assertTrue(html.select("blockquote").text().contains("second line"));
        }

        @Test
        void templateAuthorsOwnLinksAreKept() throws IOException {
            template("linked", "Subject: s\n\nSee [the guide](https://example.org/coc).\n");

            assertEquals("https://example.org/coc",
                    parse(renderer.render("linked", Map.of()).html()).select("a").attr("href"));
        }

        @Test
        void scriptLinksInATemplateLoseTheirTarget() throws IOException {
            template("badlinks", "Subject: s\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) "
                    + "[c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:msgbox) <javascript:alert(2)> "
                    + "[e](jav&#97;script:alert(3)) [f](java&#9;script:alert(4)) ![g](javascript:alert(5))\n");

            Document html = parse(renderer.render("badlinks", Map.of()).html());

            assertTrue(html.select("a[href], img[src]").isEmpty(), html.outerHtml());
            assertTrue(html.text().startsWith("a b c d"), html.outerHtml());
            assertFalse(html.outerHtml().contains("alert(3)\""), html.outerHtml());
        }

        @Test
        void rawHtmlInATemplateIsShownAsText() throws IOException {
            template("rawhtml", "Subject: s\n\n<div onclick=\"x()\">hi</div>\n\ntext <b>bold</b>\n");

            String html = renderer.render("rawhtml", Map.of()).html();

            assertTrue(parse(html).select("div, b").isEmpty(), html);
            assertTrue(html.contains("&lt;div"), html);
        }
    }

    @Nested
    class HostileValues {

        @Test
        void lineBreaksInASubjectValueCannotAddAHeader() throws IOException {
            template("subj", "Subject: [CoC #1] Re: {{subject}}\n\nbody\n");

            RenderedMail mail = renderer.render("subj",
                    Map.of("subject", "Hi\r\nBcc: victim@example.org\n\tX-Evil: 1\u0085\u2028end"));

            assertEquals("[CoC #1] Re: Hi Bcc: victim@example.org X-Evil: 1 end", mail.subject());
        }

        @Test
        void subjectIsTrimmedAndCapped() throws IOException {
            template("long", "Subject:   {{s}}  \n\nbody\n");

            RenderedMail mail = renderer.render("long", Map.of("s", "x".repeat(1000)));

            assertEquals(TemplateRenderer.MAX_SUBJECT_LENGTH, mail.subject().length());
        }

        @Test
        void aValueThatLooksLikeATagIsNotEvaluated() throws IOException {
            template("tags", "Subject: {{name}}\n\nHello {{name}}\n");

            RenderedMail mail = renderer.render("tags", Map.of("name", "{{secret}}", "secret", "TOKEN"));

            assertEquals("{{secret}}", mail.subject());
            assertEquals("Hello {{secret}}\n", mail.text());
            assertFalse(mail.html().contains("TOKEN"), mail.html());
            assertTrue(parse(mail.html()).text().contains("{{secret}}"), mail.html());
        }

        @Test
        void aScriptTagInAValueIsShownAsText() throws IOException {
            template("body", "Subject: s\n\nReport: {{text}}\n");

            String html = renderer.render("body", Map.of("text", "<script>alert('x')</script>")).html();

            assertTrue(parse(html).select("script").isEmpty(), html);
            assertTrue(html.contains("&lt;script&gt;"), html);
        }

        @Test
        void anImgWithOnerrorInAValueIsShownAsText() throws IOException {
            template("body", "Subject: s\n\nReport: {{text}}\n");

            String html = renderer.render("body", Map.of("text", "<img src=x onerror=alert(1)>")).html();

            assertTrue(parse(html).select("img").isEmpty(), html);
            assertFalse(html.contains("<img"), html);
        }

        @Test
        void aJavascriptLinkInAValueDoesNotBecomeALink() throws IOException {
            template("body", "Subject: s\n\nFrom {{name}}: {{text}}\n");

            String html = renderer.render("body", Map.of(
                    "name", "[click me](javascript:alert(1))",
                    "text", "<javascript:alert(2)> and javascript:alert(3)")).html();

            assertTrue(parse(html).select("a").isEmpty(), html);
            assertTrue(parse(html).text().contains("[click me](javascript:alert(1))"), html);
        }

        @Test
        void markdownSpecialsInANameStayLiteral() throws IOException {
            template("name", "Subject: s\n\nHello {{name}}, welcome.\n");
            String name = "*bold* _it_ `code` [x](javascript:alert(1)) ![i](http://t/p.png) &amp; \\ # ~~s~~";

            String html = renderer.render("name", Map.of("name", name)).html();

            Document doc = parse(html);
            assertTrue(doc.select("em, strong, code, a, img, del").isEmpty(), html);
            assertEquals("Hello " + name + ", welcome.", doc.select("p").text());
        }

        @Test
        void multiLineTextCannotStartHeadingsListsOrCodeBlocks() throws IOException {
            template("quoted", "Subject: s\n\n{{#quote}}{{text}}{{/quote}}\n\nAfter.\n");
            String text = "# Heading\n- item\n1. first\n    indented code\n\n---\n> nested\n</blockquote><h1>x</h1>";

            String html = renderer.render("quoted", Map.of("text", text)).html();

            Document doc = parse(html);
            assertTrue(doc.select("h1, h2, ul, ol, pre, code, hr, blockquote blockquote").isEmpty(), html);
            assertEquals(1, doc.select("blockquote").size(), html);
            assertTrue(doc.select("blockquote").text().contains("</blockquote><h1>x</h1>"), html);
            assertEquals("After.", doc.select("body > p").last().text(), html);
        }
    }

    @Nested
    class Loading {

        @Test
        void aMissingTemplateNamesWhereItLooked() {
            MissingTemplateException e = assertThrows(MissingTemplateException.class,
                    () -> renderer.render("no-such", Map.of()));

            assertTrue(e.getMessage().contains("no-such"), e.getMessage());
            assertTrue(e.getMessage().contains(templates.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("classpath:mail-templates/no-such.md"), e.getMessage());
        }

        @Test
        void anOverrideDirectoryWinsOverTheShippedTemplate() throws IOException {
            template("ack", "Subject: custom {{tag}}\n\nOur own words.\n");

            assertEquals("custom [CoC #1]", renderer.render("ack", Map.of("tag", "[CoC #1]")).subject());
        }

        @Test
        void shippedTemplatesAreUsedWithoutAnOverrideDirectory() {
            TemplateRenderer shipped = new TemplateRenderer(new TemplateSource(null));

            assertTrue(shipped.render("ack", Map.of("tag", "[CoC #1]")).subject().startsWith("[CoC #1]"));
        }

        @Test
        void aTemplateIsCompiledOnceAndThenCached() throws IOException {
            template("once", "Subject: one\n\nbody\n");
            renderer.render("once", Map.of());
            template("once", "Subject: two\n\nbody\n");

            assertEquals("one", renderer.render("once", Map.of()).subject());
        }

        @Test
        void aTemplateWithoutASubjectLineIsRefused() throws IOException {
            template("nosubject", "Hello\n\nbody\n");

            TemplateException e = assertThrows(TemplateException.class, () -> renderer.render("nosubject", Map.of()));
            assertTrue(e.getMessage().contains("nosubject"), e.getMessage());
        }

        @Test
        void unescapedTagsAreRefused() throws IOException {
            template("raw", "Subject: s\n\nHello {{{name}}}\n");

            assertThrows(TemplateException.class, () -> renderer.render("raw", Map.of()));
        }

        @Test
        void aNameCannotReachOutsideTheTemplateFolder() {
            assertThrows(TemplateException.class, () -> renderer.render("../secret", Map.of()));
        }

        @Test
        void windowsLineEndingsAreAccepted() throws IOException {
            template("crlf", "Subject: s {{x}}\r\n\r\nline\r\n");

            RenderedMail mail = renderer.render("crlf", Map.of("x", "y"));
            assertEquals("s y", mail.subject());
            assertEquals("line\n", mail.text());
        }
    }
}
