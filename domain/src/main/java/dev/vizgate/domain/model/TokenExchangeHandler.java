package dev.vizgate.domain.model;

import java.util.regex.Pattern;

/**
 * The API name ({@code DeveloperName}, up to 80 characters) of the org's {@code OauthTokenExchangeHandler}, sent as
 * {@code token_handler} when the app is enabled for more than one handler and the default is not the one to use.
 */
public record TokenExchangeHandler(String value) {
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_)){0,79}");

    public TokenExchangeHandler {
        if (value == null || !API_NAME.matcher(value).matches() || value.endsWith("_")) {
            throw new IllegalArgumentException("a token exchange handler is named by its API name: a letter, then letters, digits and single"
                    + " underscores, at most 80 characters, such as VizgateKeycloakHandler");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
