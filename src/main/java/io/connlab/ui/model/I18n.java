package io.connlab.ui.model;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The window's words, from the resource bundles {@code io/connlab/ui/messages*.properties}
 * (English and Simplified Chinese). The language is chosen once at start (the saved choice,
 * else the system's) and by the language menu, which rebuilds the window. The command line
 * stays English and does not use this.
 */
public final class I18n {
    /** Where the bundles are. */
    public static final String BUNDLE = "io.connlab.ui.messages";
    /** The languages the window speaks, by their lesson folder name. */
    public static final List<String> LANGUAGES = List.of("en", "zh");

    private static volatile Locale locale = fromTag(Locale.getDefault().getLanguage());
    private static volatile ResourceBundle bundle = load(locale);

    private I18n() {
    }

    /** "zh" for any Chinese locale, else "en". */
    public static String language() {
        return locale.getLanguage().equals("zh") ? "zh" : "en";
    }

    public static Locale locale() {
        return locale;
    }

    /** Switches the words (FX thread, before building the views that show them). */
    public static void use(String language) {
        locale = fromTag(language);
        bundle = load(locale);
    }

    /** The text for {@code key}, with {0}, {1}... filled in from {@code args}. */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // a missing key shows itself rather than breaking the window; a test keeps the bundles whole
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** True when the bundle has {@code key} (for words that exist only for some values, such as a state's). */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The key of a comparison table row ("row.empty-responses" for "empty responses"). */
    public static String rowKey(String label) {
        return "row." + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A comparison table row's name in the window's language (the label itself for a row the bundle does not know). */
    public static String row(String label) {
        String key = rowKey(label);
        return bundle.containsKey(key) ? bundle.getString(key) : label;
    }

    private static Locale fromTag(String language) {
        return "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private static ResourceBundle load(Locale l) {
        // no fallback to the system locale: English is the base bundle
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
