package org.aitia.rules.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aitia.rules.RuleSet;
import org.aitia.rules.RuleSetException;
import org.aitia.rules.RuleSetException.Problem;
import org.aitia.rules.vitrage.Template;
import org.aitia.rules.vitrage.TemplateCompiler;
import org.aitia.rules.vitrage.TemplateParser;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link RuleSet} into a Drools knowledge base in STREAM mode: validates and compiles its
 * Vitrage templates to DRL, compiles every DRL, and refuses the whole set with every problem (file,
 * rule, line, message) when anything is wrong.
 */
public final class RuleCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RuleCompiler.class);
    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|(\\S+))");

    /**
     * Compiled rule sets by content (name, sources, parameters). A knowledge base is read-only once
     * built and sessions are created from it concurrently, so every engine of a process (one per
     * site) shares one: a new site costs a session, not a compile of a second or more.
     */
    private static final int CACHED = 8;

    private static final Map<List<Object>, Compiled> CACHE =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, Compiled> eldest) {
                    return size() > CACHED;
                }
            };

    private RuleCompiler() {}

    /**
     * The compiled rule set.
     *
     * @param kieBase the knowledge base
     * @param templates the Vitrage templates it contains
     * @param generatedDrl the DRL compiled from each template, by file
     * @param primer the probes that fill the join memories of a session at start (from every DRL
     *     text, the templates' included)
     * @param buildMillis how long compiling took
     */
    public record Compiled(
            KieBase kieBase,
            List<Template> templates,
            List<RuleSet.Source> generatedDrl,
            JoinMemoryPrimer primer,
            long buildMillis) {}

    /**
     * Compiles {@code rules}, or throws with every problem found. A rule set of the same content as
     * one compiled before in this process is not compiled again.
     */
    public static Compiled compile(RuleSet rules) throws RuleSetException {
        List<Object> key = List.of(rules.name(), rules.sources(), rules.parameters());
        synchronized (CACHE) {
            Compiled known = CACHE.get(key);
            if (known != null) {
                return known;
            }
        }
        Compiled compiled = build(rules);
        synchronized (CACHE) {
            CACHE.put(key, compiled);
        }
        return compiled;
    }

    private static Compiled build(RuleSet rules) throws RuleSetException {
        long t0 = System.nanoTime();
        List<Problem> problems = new ArrayList<>();
        List<RuleSet.Source> drls = new ArrayList<>();
        List<TemplateParser.Input> yamls = new ArrayList<>();
        for (RuleSet.Source s : rules.sources()) {
            if (s.kind() == RuleSet.Kind.DRL) {
                drls.add(s);
            } else {
                yamls.add(new TemplateParser.Input(s.name(), s.text()));
            }
        }
        List<Template> templates = new ArrayList<>();
        for (TemplateParser.Result r : TemplateParser.validate(yamls, rules.parameters())) {
            if (r.ok()) {
                templates.add(r.template());
            } else {
                problems.add(new Problem(r.file(), null, 0, r.code(), r.message()));
            }
        }
        List<RuleSet.Source> generated = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            Template t = templates.get(i);
            if (t.type().equals(Template.STANDARD)) {
                generated.add(
                        new RuleSet.Source(
                                t.file(),
                                RuleSet.Kind.DRL,
                                TemplateCompiler.compile(t, i, templates)));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(rules.name(), problems);
        }
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
        List<RuleSet.Source> all = new ArrayList<>(drls);
        all.addAll(generated);
        for (RuleSet.Source s : all) {
            kb.add(
                    ResourceFactory.newByteArrayResource(s.text().getBytes(StandardCharsets.UTF_8))
                            .setSourcePath(s.name()),
                    ResourceType.DRL);
            if (kb.hasErrors()) {
                for (KnowledgeBuilderError e : kb.getErrors()) {
                    int line =
                            e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] : 0;
                    problems.add(
                            new Problem(
                                    s.name(),
                                    ruleAt(s.text(), line, e.getMessage()),
                                    line,
                                    4,
                                    e.getMessage().strip()));
                }
                kb.undo();
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(rules.name(), problems);
        }
        var conf = KieServices.get().newKieBaseConfiguration();
        conf.setOption(EventProcessingOption.STREAM);
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase(conf);
        kbase.addPackages(kb.getKnowledgePackages());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(
                "compiled {} {}: {} DRL files, {} templates, {} rules in {} ms",
                rules.name(),
                rules.version(),
                drls.size(),
                templates.size(),
                kbase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum(),
                ms);
        return new Compiled(
                kbase,
                templates,
                generated,
                new JoinMemoryPrimer(all.stream().map(RuleSet.Source::text).toList()),
                ms);
    }

    /** The rule a compiler message is about: named in the message, else declared above the line. */
    static String ruleAt(String text, int line, String message) {
        Matcher m =
                Pattern.compile("[Rr]ule(?: name)?[ =:]+\"?([^\"\\n]+?)\"?(?:[\\s\\n:]|$)")
                        .matcher(message == null ? "" : message);
        String[] lines = text.split("\n", -1);
        String found = null;
        for (int i = 0; i < Math.min(line, lines.length); i++) {
            Matcher d = RULE_DECL.matcher(lines[i]);
            if (d.find()) {
                found = d.group(2) != null ? d.group(2) : d.group(3);
            }
        }
        if (found == null && line <= 0 && m.find()) {
            found = m.group(1).strip();
        }
        return found;
    }
}
