package dev.vizgate.domain.model;

/** The use cases a face may observe, each by the name its class has. */
public enum UseCaseName {
    ISSUE_TABLEAU_TOKEN("IssueTableauToken"),
    EXCHANGE_FOR_TABLEAU_TOKEN("ExchangeForTableauToken"),
    OPEN_TABLEAU_NEXT_SESSION("OpenTableauNextSession");

    private final String label;

    UseCaseName(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
