namespace PartnershipLedger.Import;

/// <summary>
/// The first, quick reading of an import file: every record's type, stream and ref, so that the streams (with their
/// final versions) can be written before their events and a block of the event sequence reserved. Problems of the
/// file's shape (an unknown type, a ref used before it is defined, a ref defined twice) are found here.
/// </summary>
public sealed class ImportScan
{
    public sealed class ScannedStream(Guid id, ImportStream kind)
    {
        public Guid Id { get; } = id;
        public ImportStream Kind { get; } = kind;
        public long Version { get; set; }
    }

    public ImportReferences References { get; } = new();
    public List<ScannedStream> Streams { get; } = [];
    public long Records { get; private set; }

    public static ImportScan Read(string path, CancellationToken cancellation)
    {
        var scan = new ImportScan();
        var streams = new Dictionary<Guid, ScannedStream>();
        foreach (var (line, text) in ImportLines.Read(path))
        {
            if (scan.Records % 10_000 == 0) cancellation.ThrowIfCancellationRequested();
            scan.References.CurrentLine = line;
            var header = ImportRecord.Read(line, text, headerOnly: true);

            var entry = ImportCatalogue.ForEvent(header.Type ?? "") ?? throw new ImportRejectedException(line, [UnknownType(header.Type)]);
            ScannedStream stream;
            if (entry.StartsStream)
            {
                if (string.IsNullOrWhiteSpace(header.Ref)) throw new ImportRejectedException(line, [$"a {entry.Event.Name} starts a stream: it needs a \"ref\" naming it."]);
                var defined = scan.References.Define(header.Ref, line, entry.Stream) ?? throw new ImportRejectedException(line, [$"the ref '{header.Ref}' is already defined."]);
                stream = streams[defined.Id] = new ScannedStream(defined.Id, entry.Stream);
                scan.Streams.Add(stream);
            }
            else
            {
                var named = header.Stream is null ? null : scan.References.Find(header.Stream);
                if (named is null || named.Stream != entry.Stream)
                    throw new ImportRejectedException(line, [$"\"stream\" must name a {entry.Stream} defined on an earlier line; '{header.Stream}' does not."]);
                stream = streams[named.Id];
                if (header.Ref is not null && scan.References.Define(header.Ref, line, null) is null)
                    throw new ImportRejectedException(line, [$"the ref '{header.Ref}' is already defined."]);
            }
            stream.Version++;
            scan.Records++;
        }
        return scan;
    }

    public static string UnknownType(string? type) =>
        ImportCatalogue.NotImportable.FirstOrDefault(pair => pair.Key.Name == type) is { Key: not null } excluded
            ? $"a {type} cannot be imported: it {excluded.Value}."
            : $"\"type\" '{type}' is not an importable event type (see schema/import-format.md).";
}
