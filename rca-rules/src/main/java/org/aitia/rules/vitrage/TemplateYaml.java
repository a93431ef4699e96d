package org.aitia.rules.vitrage;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a Vitrage template as Vitrage's client does ({@code yaml.BaseLoader}): every scalar is a
 * string ({@code version: 2} gives {@code "2"}, an empty value gives {@code ""}); mappings and
 * sequences keep their shape.
 */
public final class TemplateYaml {
    private TemplateYaml() {}

    /** The document, or a {@link TemplateException} with code 5 when it is not valid YAML. */
    public static Object parse(String text) throws TemplateException {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml =
                new Yaml(
                        new SafeConstructor(options),
                        new Representer(new DumperOptions()),
                        new DumperOptions(),
                        options,
                        new StringsOnly());
        try {
            return yaml.load(text);
        } catch (YAMLException e) {
            throw new TemplateException(
                    StatusCode.INVALID_YAML,
                    StatusCode.message(StatusCode.INVALID_YAML) + e.getMessage());
        }
    }

    /** A resolver without implicit types: plain scalars stay strings. */
    private static final class StringsOnly extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            // no implicit resolvers: no int, bool, float or null scalars
        }
    }
}
