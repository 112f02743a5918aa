using JasperFx.Events;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>Marten's metadata of one imported event, as the event store's columns hold it.</summary>
public sealed record ImportedEventStamp(string UserName, string CorrelationId, string CausationId, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// The one place where an imported event's metadata is made: who recorded it (the importing actor: the OS user or
/// "import" from the command line, the caller once imports come through the API), the import's correlation id, the
/// file line as causation, the headers, and the link of the stream's hash chain (<see cref="EventChain"/>) following
/// <paramref name="previous"/>, the stamp of the stream's previous imported event (an import always starts its streams).
/// </summary>
public static class ImportedEventMetadata
{
    /// <summary>Header naming the member organization the record says acted ("by"), when it differs from the importer's.</summary>
    public const string RecordedFor = "importedForOrganizationId";

    public static ImportedEventStamp Stamp(
        Actor importer, string correlationId, int line, Guid? recordedFor, IEvent e, string eventTypeAlias, ReadOnlyMemory<byte> dataJson, ImportedEventStamp? previous)
    {
        var headers = new Dictionary<string, string>();
        var organization = importer.OrganizationId?.ToString();
        if (organization is not null) headers[EventHeaders.ActorOrganization] = organization;
        if (recordedFor is { } member && member != importer.OrganizationId) headers[RecordedFor] = member.ToString();
        headers[EventChain.Header] = EventChain.Hash(previous?.Headers[EventChain.Header] ?? EventChain.Genesis(e.StreamId),
            e.StreamId, e.Version, e.Id, eventTypeAlias, importer.User, organization, correlationId, dataJson);
        return new ImportedEventStamp(importer.User, correlationId, $"line {line}", headers);
    }

    /// <summary>Who imports from the command line: the OS user (or "import"), as an administrator of the ledger acting for no organization.</summary>
    public static Actor CommandLineImporter() =>
        Actor.Admin(string.IsNullOrWhiteSpace(Environment.UserName) ? "import" : Environment.UserName);
}
