namespace PartnershipLedger.Recording;

/// <summary>
/// The memory behind idempotency: one document per command that carried a command id, stored in the same
/// transaction as its events. Its id is the command id, so two racing retries cannot both record.
/// </summary>
public sealed record RecordedCommand(string Id, string CommandType, Guid StreamId, Guid EventId, long Version);
