package io.supplements.claim.extraction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence into rough clauses and tells which of them assert something. A sentence often
 * mixes an assertion with advice or background: "While kratom has shown promise in managing chronic
 * pain, it's crucial to understand its safety profile" asserts in its first clause and advises in its
 * second; "Kratom has gained attention as a natural alternative for pain management" only reports
 * attention. The extractor looks for effects in the asserting clauses only.
 *
 * <p>The split is shallow on purpose: at semicolons, at a comma before a conjunction or a participle
 * that starts a new statement ("..., but", "..., so", "..., offering"), before "because"/"whether",
 * and after a leading subordinate clause ("While ..., ") or a leading transition word ("Remember, ").
 */
final class Clauses {

    private Clauses() {}

    /** What a clause does. Only {@link #ASSERTION} clauses can carry a claim. */
    enum Kind {
        ASSERTION,
        /** Tells the reader what to do: "consult a healthcare professional", "Start with low doses". */
        ADVICE,
        /** Talks about the article: "This article delves into ...", "we'll explore". */
        META,
        /** Popularity, history, botany, regulation, research status: "has gained attention as ...". */
        BACKGROUND,
        /** Not asserted at all: "If you're experiencing hair loss", "whether it is safe", "To maximize ...". */
        HYPOTHETICAL
    }

    /**
     * A clause; {@code leading} marks a subordinate clause that opens the sentence ("While effective
     * for arthritis, ..."), whose content is background to the main clause.
     */
    record Clause(int start, int end, Kind kind, boolean leading) {}

    private static final Pattern BOUNDARY = Pattern.compile(";\\s*"
            + "|,\\s+(?=(?:but|and|so|as|because|since|while|whereas|although|though|yet|with|which|offering"
            + "|providing|leading|making|whether)\\b)"
            + "|\\s+(?=(?:but|because|whereas|whether)\\b)");

    /** A transition word that stands before the sentence proper: "Remember, ...", "However, ...". */
    private static final Pattern LEADING_TRANSITION = Pattern.compile(
            "^(?:Remember|However|Additionally|Furthermore|Moreover|First|Firstly|Secondly|Finally|Yet|Therefore"
                    + "|Generally|Also|So),\\s+");

    /** A leading subordinate clause ends at the first comma: "While kratom is generally safe, ...". */
    private static final Pattern LEADING_SUBORDINATE =
            Pattern.compile("^(?i:while|although|though|unlike|because|as|if|when|after|since|whereas|to\\s+\\w+)\\b"
                    // commas inside a list do not end it: "While effective for arthritis, fibromyalgia, and nerve
                    // damage, "
                    + "(?:[^,;]*,(?=\\s+(?:(?:and|or)\\s+)?(?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+,))*[^,;]*,\\s*");

    /**
     * An apposition that describes the subject in passing: "Kratom, a herb gaining popularity for its
     * medicinal properties, has shown promise ...". What it says is presupposed, not asserted.
     */
    private static final Pattern APPOSITION = Pattern.compile(
            "^(?!(?i:for\\s+instance|for\\s+example|in\\s+fact|indeed|however|additionally|furthermore|moreover"
                    + "|first|firstly|secondly|finally|yet|therefore)\\b)\\p{Lu}[\\p{L}\\p{N}'\u2019-]*"
                    + "(?:\\s+[\\p{L}\\p{N}'\u2019-]+){0,2}(?:\\s+\\([^)]*\\))?(?<comma>,)\\s+(?:a|an)\\s+[^,;]{3,120}?,\\s+");

    private static final Pattern HYPOTHETICAL =
            Pattern.compile("^(?i:(?:and\\s+|but\\s+)?(?:if|whether)\\b|to\\s+(?!be\\b|date\\b)\\w+\\b)");

    /** A clause that continues the one before it: ", and monitoring any adverse effects". */
    private static final Pattern CONTINUATION = Pattern.compile("^(?:and|or)\\s+\\w+");

    /** A clause with a finite verb of its own says something new, even after advice. */
    private static final Pattern FINITE_VERB =
            Pattern.compile("(?i)\\b(?:may|might|can|could|will|is|are|was|were|has|have|does|do|causes?|leads?)\\b");

    private static final Pattern IMPERATIVE = Pattern.compile(
            "^(?i:(?:and|so|but|then)\\s+)?(?:Start|Begin|Always|Never|Avoid|Consult|Talk|Take|Be|Discover|Learn|Choose"
                    + "|Keep|Stop|Use|Try|See|Ask|Check|Look|Seek|Consider|Make|Don['\u2019]t|Do\\s+not|Purchase|Buy"
                    + "|Monitor|Remember|Stay|Follow|Navigate|start|begin|always|never|avoid|consult|talk|take|choose"
                    + "|keep|stop|try|see|ask|check|seek|purchase|buy|monitor|remember|stay|follow)\\b");

    private static final Pattern ADVICE = Pattern.compile("\\b(?:should|must|ought\\s+to)\\b"
            + "|\\b(?:is|are|it['\u2019]s)\\s+(?:also\\s+)?(?:advised|recommended|advisable|essential|crucial"
            + "|important|imperative|vital|paramount|wise)\\b(?!\\s+to\\s+note)"
            + "|\\bis\\s+key\\s+to\\s+(?:safe|responsible|effective)\\b"
            + "|\\b(?:requires?|necessitates|involves)\\s+(?:careful|a\\s+multi|starting|understanding|sourcing)"
            + "|\\b[Ss]afe\\s+(?:use|practices|kratom\\s+usage)\\s+(?:involves|requires|include)"
            + "|\\binclude\\s+starting\\b|\\bfrom\\s+reputable\\s+(?:sources|suppliers)\\b"
            + "|\\bconsult(?:s|ing|ation)?\\b|\\btalk\\s+to\\s+(?:a|your|their)\\b|\\badvises?\\b"
            + "|\\b(?i:experts?)\\s+recommend\\s+\\w+ing\\b|\\brecommendations?\\s+suggest\\b"
            + "|\\bunder\\s+(?:medical|professional)\\s+(?:supervision|guidance)\\b"
            + "|\\b(?i:practical)\\s+next\\s+steps\\b|\\b(?i:key)\\s+insights\\b|\\b(?i:be)\\s+mindful\\b");

    private static final Pattern META = Pattern.compile(
            "(?i)\\b(?:this|the)\\s+(?:comprehensive\\s+)?(?:article|guide|overview|review)\\s+(?:reviews|looks|explains|covers"
                    + "|examines|describes|summari[sz]es|sets\\s+out|weighs)\\b"
                    + "|\\b(?:this|the)\\s+(?:comprehensive\\s+)?(?:article|guide|overview)\\b|\\bin\\s+this\\s+(?:\\w+\\s+)?guide\\b"
                    + "|\\bwe['\u2019](?:ll|re)\\b|\\bwe\\s+(?:will|explore|delve|look)\\b"
                    + "|\\breaders\\s+(?:will|can|to)\\b|\\b(?:offering|equips|giving)\\s+readers\\b"
                    + "|\\bby\\s+synthesizing\\b|\\bdel(?:ves?|ving)\\s+into\\b|\\binformed\\s+decisions?\\b");

    private static final Pattern BACKGROUND =
            Pattern.compile("(?i)\\b(?:has|have|had)\\s+(?:\\w+\\s+)?(?:gained|garnered|attracted)\\b"
                    + "|\\bgaining\\s+(?:\\w+\\s+)?(?:attention|popularity|traction)\\b"
                    + "|\\b(?:has|have)\\s+emerged\\s+as\\b|\\bhas\\s+become\\s+(?:one\\s+of|a\\s+staple|popular)\\b"
                    + "|\\bhas\\s+been\\s+used\\s+(?:traditionally|for\\s+centuries)|\\bhas\\s+moved\\s+from\\b"
                    + "|\\bwidely\\s+used\\b|\\bis\\s+(?:mainly|commonly|often|widely)\\s+(?:taken|used)\\b"
                    + "|\\bis\\s+used\\s+to\\b|\\bmarkets?\\s+it\\s+as\\b|\\bis\\s+classed\\s+as\\b|\\bbelongs\\s+to\\b"
                    + "|\\bknown\\s+botanically\\b|\\bname\\s+comes\\s+from\\b|\\bsold\\s+(?:over\\s+the\\s+counter|alongside)\\b"
                    + "|\\bis\\s+(?:a|an)\\s+(?:\\w+\\s+)?(?:hormone|herb)\\s+(?:the\\s+body|from|that)\\b|\\bis\\s+produced\\s+by\\b"
                    + "|\\bregulatory\\s+status\\b|\\bcontrolled\\s+substance\\b|\\bnot\\s+approved\\b"
                    + "|\\bresearch\\s+(?:is\\s+examining|into\\b)|\\bstill\\s+being\\s+(?:studied|explored|investigated)\\b"
                    + "|\\bas\\s+research\\s+continues\\b|\\bresearch\\s+continues\\b|\\bmost\\s+thoroughly\\s+studied\\b"
                    + "|\\barea\\s+of\\s+(?:research|interest)\\b|\\bsubject\\s+of\\s+interest\\b|\\bevolving\\s+area\\b"
                    + "|\\bis\\s+likely\\s+to\\s+evolve\\b|\\bhave\\s+explored\\b(?!\\s+\\w+['\u2019]s)"
                    // What it is and what people take it for, not what it does: "is taken mainly to shorten
                    // colds", "is sold as a remedy for", "is an essential mineral that", "has been tested for".
                    + "|\\b(?:is|are)\\s+(?:taken|used|sold|marketed|promoted|chewed|brewed)\\s+(?:\\w+ly\\s+)?(?:to|for|as)\\b"
                    + "|\\b(?:sold|marketed)\\s+(?:\\w+ly\\s+)?(?:as|for)\\b"
                    + "|\\b(?:is|are)\\s+(?:a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:mineral|herb|plant|tree|shrub|mushroom|fungus|vitamin"
                    + "|amino\\s+acid|hormone|flower|fruit|berry|root|compound|molecule|nutrient|cannabinoid|supplement|remedy)"
                    + "\\s+(?:that|whose|which|from|found|made|sold|taken|used|derived|native|grown|of|in)\\b"
                    + "|\\b(?:has|have)\\s+(?:also\\s+)?been\\s+(?:tested|studied|investigated|explored|tried)\\s+(?:for|as|in)\\b"
                    + "|\\bpopular\\s+(?:supplement|remedy|choice)\\b|\\breasons?\\s+(?:people|adults|men|women)\\s+take\\b"
                    + "|\\bmost\\s+studied\\s+use\\b|\\bdrawn\\s+(?:the\\s+most\\s+|much\\s+)?attention\\b"
                    + "|\\bnot\\s+an?\\s+approved\\b");

    /** The clauses of {@code sentence}, covering it from start to end. */
    static List<Clause> of(String sentence) {
        TreeSet<Integer> cuts = new TreeSet<>();
        int body = 0;
        Matcher transition = LEADING_TRANSITION.matcher(sentence);
        if (transition.find()) {
            body = transition.end();
            cuts.add(body);
        }
        Matcher subordinate = LEADING_SUBORDINATE.matcher(sentence).region(body, sentence.length());
        if (subordinate.lookingAt()) {
            cuts.add(subordinate.end());
        }
        int leadingEnd = subordinate.lookingAt() ? subordinate.end() : -1;
        Matcher boundary = BOUNDARY.matcher(sentence);
        while (boundary.find()) {
            if (boundary.start() > Math.max(body, leadingEnd)) {
                cuts.add(boundary.end());
            }
        }
        TreeSet<Integer> appositionStarts = new TreeSet<>();
        Matcher apposition = APPOSITION.matcher(sentence);
        if (apposition.find()) {
            cuts.add(apposition.start("comma") + 1);
            cuts.add(apposition.end());
            appositionStarts.add(apposition.start("comma") + 1);
        }
        cuts.add(sentence.length());
        List<Clause> clauses = new ArrayList<>();
        int start = 0;
        for (int end : cuts) {
            if (end > start) {
                String text = sentence.substring(start, end).strip().replaceFirst("^,\\s*", "");
                Kind kind = appositionStarts.contains(start) ? Kind.BACKGROUND : kind(text);
                // Advice goes on across "and": "include consulting professionals, ensuring proper
                // dosage, and monitoring any adverse effects".
                Kind previous = clauses.isEmpty()
                        ? null
                        : clauses.get(clauses.size() - 1).kind();
                if (kind == Kind.ASSERTION
                        && (previous == Kind.ADVICE || previous == Kind.META)
                        && CONTINUATION.matcher(text).find()
                        && !FINITE_VERB.matcher(text).find()) {
                    kind = previous;
                }
                clauses.add(new Clause(start, end, kind, end == leadingEnd));
                start = end;
            }
        }
        return clauses;
    }

    private static Kind kind(String clause) {
        if (HYPOTHETICAL.matcher(clause).find()) {
            return Kind.HYPOTHETICAL;
        }
        if (META.matcher(clause).find()) {
            return Kind.META;
        }
        if (IMPERATIVE.matcher(clause).find() || ADVICE.matcher(clause).find()) {
            return Kind.ADVICE;
        }
        if (BACKGROUND.matcher(clause).find()) {
            return Kind.BACKGROUND;
        }
        return Kind.ASSERTION;
    }

    /** {@code sentence} with every character outside asserting clauses replaced by a space. */
    static String assertedPart(String sentence, List<Clause> clauses) {
        return blanked(sentence, clauses, EnumSet.complementOf(EnumSet.of(Kind.ASSERTION)));
    }

    /** {@code sentence} with advice and meta clauses replaced by spaces: what it says rather than urges. */
    static String withoutAdvice(String sentence, List<Clause> clauses) {
        return blanked(sentence, clauses, EnumSet.of(Kind.ADVICE, Kind.META));
    }

    /** Blanking keeps offsets: index i of the result is index i of the sentence. */
    private static String blanked(String sentence, List<Clause> clauses, Set<Kind> blank) {
        StringBuilder text = new StringBuilder(sentence);
        for (Clause clause : clauses) {
            if (blank.contains(clause.kind())) {
                for (int i = clause.start(); i < clause.end(); i++) {
                    text.setCharAt(i, ' ');
                }
            }
        }
        return text.toString();
    }
}
