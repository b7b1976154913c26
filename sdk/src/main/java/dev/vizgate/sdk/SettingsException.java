package dev.vizgate.sdk;

/**
 * Settings that cannot work, found when {@link VizgateBuilder#build()} loads and checks them: a key that does not
 * load or is too weak, a kid used twice. {@code setting} names the setting as the YAML file spells it
 * ({@code tableau.connected-app.signing-keys[0]}); the message never holds a secret.
 */
public final class SettingsException extends RuntimeException {
    private final String setting;
    private final String problem;
    private final String fix;

    public SettingsException(String setting, String problem, String fix) {
        super(setting + ": " + problem + " (" + fix + ")", null, false, false);
        this.setting = setting;
        this.problem = problem;
        this.fix = fix;
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
