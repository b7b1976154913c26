package dev.vizgate.sdk;

/**
 * Settings that cannot work, found when {@link VizgateBuilder#build()} loads and checks them: a key that does not
 * load or is too weak, a kid used twice. {@code setting} says which, as a typed {@link Setting}: the message says it in
 * words, and a configuration module names it as its file spells it. The message never holds a secret.
 */
public final class SettingsException extends RuntimeException {
    private final transient Setting setting;
    private final String problem;
    private final String fix;

    public SettingsException(Setting setting, String problem, String fix) {
        super(setting + ": " + problem + " (" + fix + ")", null, false, false);
        this.setting = setting;
        this.problem = problem;
        this.fix = fix;
    }

    public Setting setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
