package org.aitia.rules.vitrage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario condition: template ids (v1/v2) or {@code a [ rel ] b} relationships (v3) combined
 * with AND, OR, NOT and parentheses, converted to disjunctive normal form as Vitrage's evaluator
 * does: each clause is a conjunction of literals and the scenario acts for each clause that
 * matches.
 */
public final class Condition {

    /**
     * One literal of a clause.
     *
     * @param atom a template id; for v3 a relationship written {@code source [type] target}
     * @param negated true for {@code not atom}
     */
    public record Literal(String atom, boolean negated) {}

    /** A v3 relationship atom {@code source [ type ] target}. */
    public record InlineRelationship(String source, String type, String target) {
        /** Its id, as it appears in literals. */
        public String id() {
            return source + " [" + type + "] " + target;
        }
    }

    private sealed interface Expr permits Atom, Not, And, Or {}

    private record Atom(String id) implements Expr {}

    private record Not(Expr e) implements Expr {}

    private record And(Expr l, Expr r) implements Expr {}

    private record Or(Expr l, Expr r) implements Expr {}

    private final List<List<Literal>> clauses;
    private final List<InlineRelationship> inline;

    private Condition(List<List<Literal>> clauses, List<InlineRelationship> inline) {
        this.clauses = clauses;
        this.inline = inline;
    }

    /** The clauses of the disjunctive normal form. */
    public List<List<Literal>> clauses() {
        return clauses;
    }

    /** The v3 relationships the condition names inline (empty for v1/v2). */
    public List<InlineRelationship> inlineRelationships() {
        return inline;
    }

    /** Parses a condition; v3 conditions may name relationships inline. */
    public static Condition parse(String text, boolean v3) throws TemplateException {
        Parser p = new Parser(tokenize(text), v3);
        Expr e = p.or();
        if (p.pos != p.tokens.size()) {
            throw StatusCode.fail(85, "unexpected '" + p.tokens.get(p.pos) + "' in: " + text);
        }
        return new Condition(dnf(e, false), List.copyOf(p.inline));
    }

    private static List<String> tokenize(String s) throws TemplateException {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']') {
                out.add(String.valueOf(c));
                i++;
            } else {
                int j = i;
                while (j < s.length()
                        && !Character.isWhitespace(s.charAt(j))
                        && "()[]".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        if (out.isEmpty()) {
            throw StatusCode.fail(85, "empty condition");
        }
        return out;
    }

    private static final class Parser {
        final List<String> tokens;
        final boolean v3;
        final List<InlineRelationship> inline = new ArrayList<>();
        int pos;

        Parser(List<String> tokens, boolean v3) {
            this.tokens = tokens;
            this.v3 = v3;
        }

        boolean isWord(String w) {
            return pos < tokens.size() && tokens.get(pos).toLowerCase(Locale.ROOT).equals(w);
        }

        Expr or() throws TemplateException {
            Expr e = and();
            while (isWord("or")) {
                pos++;
                e = new Or(e, and());
            }
            return e;
        }

        Expr and() throws TemplateException {
            Expr e = unary();
            while (isWord("and")) {
                pos++;
                e = new And(e, unary());
            }
            return e;
        }

        Expr unary() throws TemplateException {
            if (pos >= tokens.size()) {
                throw StatusCode.fail(85, "the condition ends too early");
            }
            if (isWord("not")) {
                pos++;
                return new Not(unary());
            }
            String t = tokens.get(pos);
            if (t.equals("(")) {
                pos++;
                Expr e = or();
                if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
                    throw StatusCode.fail(85, "missing ')'");
                }
                pos++;
                return e;
            }
            if (t.equals(")") || t.equals("[") || t.equals("]")) {
                throw StatusCode.fail(85, "unexpected '" + t + "'");
            }
            pos++;
            if (v3 && pos < tokens.size() && tokens.get(pos).equals("[")) {
                if (pos + 3 >= tokens.size() || !tokens.get(pos + 2).equals("]")) {
                    throw StatusCode.fail(85, "a relationship is written 'a [ type ] b'");
                }
                String type = tokens.get(pos + 1);
                String target = tokens.get(pos + 3);
                pos += 4;
                InlineRelationship r = new InlineRelationship(t, type, target);
                inline.add(r);
                return new Atom(r.id());
            }
            return new Atom(t);
        }
    }

    private static List<List<Literal>> dnf(Expr e, boolean negate) {
        if (e instanceof Atom a) {
            List<List<Literal>> r = new ArrayList<>();
            r.add(new ArrayList<>(List.of(new Literal(a.id(), negate))));
            return r;
        }
        if (e instanceof Not n) {
            return dnf(n.e(), !negate);
        }
        boolean isAnd = e instanceof And;
        Expr l = isAnd ? ((And) e).l() : ((Or) e).l();
        Expr r = isAnd ? ((And) e).r() : ((Or) e).r();
        // De Morgan: a negated AND is an OR of negations and vice versa.
        boolean conj = isAnd != negate;
        List<List<Literal>> left = dnf(l, negate);
        List<List<Literal>> right = dnf(r, negate);
        if (!conj) {
            List<List<Literal>> out = new ArrayList<>(left);
            out.addAll(right);
            return out;
        }
        List<List<Literal>> out = new ArrayList<>();
        for (List<Literal> a : left) {
            for (List<Literal> b : right) {
                List<Literal> c = new ArrayList<>(a);
                for (Literal lit : b) {
                    if (!c.contains(lit)) {
                        c.add(lit);
                    }
                }
                out.add(c);
            }
        }
        return out;
    }
}
