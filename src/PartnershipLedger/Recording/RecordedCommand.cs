namespace PartnershipLedger.Recording;

/// <summary>
/// The memory behind idempotency: one document per command that carried a command id, stored in the same
/// transaction as its events. Its id is the command id, so two racing retries cannot both record.
/// </summary>
/// <param name="RecordedBy">The user who recorded it and <paramref name="RecordedFor"/> the organization they acted for
/// (null in records made before they were kept): their own retry is answered even once they may no longer record in the
/// stream (they removed their organization from it).</param>
public sealed record RecordedCommand(string Id, string CommandType, Guid StreamId, Guid EventId, long Version, string? RecordedBy = null, Guid? RecordedFor = null)
{
    public bool WasRecordedBy(Actor actor) => RecordedBy is not null && RecordedBy == actor.User && RecordedFor == actor.OrganizationId;
}
