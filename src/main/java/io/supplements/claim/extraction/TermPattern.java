package io.supplements.claim.extraction;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A regular expression matching any of many literal terms, written as a trie ("alopecia(?:\s+areata)?")
 * rather than as an alternation of every term: Java tries an alternation's branches one by one at
 * each position, so with thousands of terms (the gazetteer) matching cost grows with the list; the
 * trie shares prefixes and rules out all terms but a few at the first character.
 *
 * <p>Semantics are those of an alternation ordered longest first: at a position the longest term
 * wins, and the regex engine backtracks to shorter ones when what follows does not fit. A space in a
 * term matches any run of whitespace, an apostrophe also the typographic one.
 */
final class TermPattern {

    private TermPattern() {}

    private static final class Node {
        final Map<Character, Node> children = new TreeMap<>();
        boolean end;
    }

    /** The regex for {@code terms}; callers add boundaries and flags (e.g. case-insensitive). */
    static String of(Collection<String> terms) {
        Node root = new Node();
        for (String term : terms) {
            Node node = root;
            for (char c : term.strip().replaceAll("\\s+", " ").toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Node());
            }
            node.end = true;
        }
        String regex = regex(root);
        return regex.isEmpty() ? "(?!)" : regex;
    }

    private static String regex(Node node) {
        if (node.children.isEmpty()) {
            return "";
        }
        StringBuilder branches = new StringBuilder();
        for (Map.Entry<Character, Node> child : node.children.entrySet()) {
            if (!branches.isEmpty()) {
                branches.append('|');
            }
            branches.append(literal(child.getKey())).append(regex(child.getValue()));
        }
        if (node.children.size() == 1 && !node.end) {
            return branches.toString();
        }
        return "(?:" + branches + ")" + (node.end ? "?" : "");
    }

    private static String literal(char c) {
        if (c == ' ') {
            return "\\s+";
        }
        if (c == '\'' || c == '\u2019') {
            return "['\u2019]";
        }
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }
}
