namespace PartnershipLedger.Recording;

/// <summary>Who records a fact: a user acting for an organization. Always taken from the caller, never from a request body.</summary>
public sealed record Actor(string User, Guid? OrganizationId)
{
    /// <summary>The ledger itself, e.g. when a scheduled reminder records that a review is overdue.</summary>
    public static readonly Actor Ledger = new("ledger", null);

    public static readonly Actor Anonymous = new("", null);

    public bool IsKnown => User.Length > 0;
}
