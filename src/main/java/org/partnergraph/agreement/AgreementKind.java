package org.partnergraph.agreement;

import org.eclipse.microprofile.graphql.Description;

@Description("What sort of agreement.")
public enum AgreementKind {
    @Description("A cooperation or assistance agreement (协议).")
    AGREEMENT,
    @Description("A memorandum (备忘录).")
    MEMORANDUM,
    @Description("An action plan (行动计划).")
    ACTION_PLAN
}
