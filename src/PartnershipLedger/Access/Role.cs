namespace PartnershipLedger.Access;

/// <summary>What a token's holder may do.</summary>
public enum Role
{
    /// <summary>Everything: every partnership, organization and token; issues and revokes tokens.</summary>
    Admin,

    /// <summary>Reads and records in the partnerships and circles of their own organization, and changes that organization.</summary>
    Member,

    /// <summary>Reads, never records: the partnerships and audit trail of the organizations an admin granted.</summary>
    Auditor,
}
