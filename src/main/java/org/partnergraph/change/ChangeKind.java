package org.partnergraph.change;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("ChangeKind")
@Description("What a change did.")
public enum ChangeKind {
    @Description("A dataset bundle was imported (importDataset, or a curated bundle loaded at start).")
    IMPORT_DATASET,
    @Description("An organisation was created or updated (upsertOrganization).")
    UPSERT_ORGANIZATION,
    @Description("A department was added to an organisation (addDepartment).")
    ADD_DEPARTMENT,
    @Description("A partnership was created (createPartnership).")
    CREATE_PARTNERSHIP,
    @Description("A partnership was ended; it stays as history (endPartnership).")
    END_PARTNERSHIP,
    @Description("A programme was created or updated (upsertProgramme).")
    UPSERT_PROGRAMME,
    @Description("A statement of a partnership's status was added to its history (setPartnershipStatus).")
    SET_PARTNERSHIP_STATUS,
    @Description("A statement of an agreement's status was added to its history (setAgreementStatus).")
    SET_AGREEMENT_STATUS
}
