namespace PartnershipLedger.Recording;

/// <summary>
/// Metadata every event carries beside Marten's own columns: the acting user is Marten's user_name, the
/// correlation and causation ids its correlation_id and causation_id; the acting organization is a header.
/// </summary>
public static class EventHeaders
{
    public const string ActorOrganization = "actorOrganizationId";
}
