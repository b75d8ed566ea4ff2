package org.conductd.threading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds case tags such as {@code [CoC #42]} in a subject, whatever "Re:"/"Fwd:" surround them. */
public final class SubjectTag {

    private final Pattern pattern;

    public SubjectTag(String tag) {
        this.pattern = Pattern.compile("\\[\\s*" + Pattern.quote(tag) + "\\s*#\\s*(\\d{1,12})\\s*]",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Case numbers tagged in the subject, in order of appearance. */
    public List<Long> caseNumbers(String subject) {
        List<Long> numbers = new ArrayList<>();
        if (subject == null) {
            return numbers;
        }
        Matcher m = pattern.matcher(subject);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            if (!numbers.contains(n)) {
                numbers.add(n);
            }
        }
        return numbers;
    }
}
