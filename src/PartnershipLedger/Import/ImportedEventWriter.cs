using System.Buffers;
using System.Collections.Concurrent;
using JasperFx.Events;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Import;

/// <summary>
/// The second half of an import's per-record work, on a thread of its own: each decided event serialized, stamped with
/// its metadata and hash-chain link (<see cref="ImportedEventMetadata"/>), and written as an mt_events row of the COPY.
/// The reading thread only reads, decides and folds; the events reach this thread in the file's order, so each stream's
/// chain links follow its versions. Deciding and stamping took about the same time, and one thread did both in turn.
/// </summary>
public sealed class ImportedEventWriter : IDisposable
{
    private const int Batch = 500;

    private readonly EventStoreCopy copy;
    private readonly BinaryCopyRows rows;
    private readonly ArrayBufferWriter<byte> dataJson = new(1 << 16);
    private readonly Actor importer;
    private readonly string correlationId;
    private readonly Dictionary<Guid, ImportedEventStamp> previous = [];
    private readonly BlockingCollection<List<Decided>> decided = new(boundedCapacity: 8);
    private readonly WorkerThreads writer = new();
    private List<Decided> batch = new(Batch);

    /// <summary>A decided event, the file line it came from and the member the record says acted for.</summary>
    private sealed record Decided(int Line, IEvent Event, Guid? RecordedFor);

    public ImportedEventWriter(EventStoreCopy copy, Actor importer, string correlationId)
    {
        this.copy = copy;
        this.importer = importer;
        this.correlationId = correlationId;
        rows = copy.BeginEvents();
        writer.Start(WriteDecided);
    }

    /// <summary>Queues an event for its row (rows are handed over by batch).</summary>
    public void Add(int line, IEvent e, Guid? recordedFor)
    {
        batch.Add(new Decided(line, e, recordedFor));
        if (batch.Count == Batch) HandOver();
    }

    /// <summary>Writes what is queued and ends the COPY (still in the caller's transaction).</summary>
    public void Complete()
    {
        if (batch.Count > 0) HandOver();
        decided.CompleteAdding();
        writer.Wait();
        rows.Complete();
    }

    private void HandOver()
    {
        writer.Hand(decided, batch);
        batch = new List<Decided>(Batch);
    }

    private void WriteDecided()
    {
        foreach (var events in decided.GetConsumingEnumerable(writer.Stopping))
            foreach (var (line, e, recordedFor) in events)
            {
                dataJson.ResetWrittenCount();
                copy.Serialize(dataJson, e.Data);
                var type = copy.EventTypeOf(e.EventType);
                var stamp = previous[e.StreamId] = ImportedEventMetadata.Stamp(
                    importer, correlationId, line, recordedFor, e, type.Alias, dataJson.WrittenMemory, previous.GetValueOrDefault(e.StreamId));
                copy.WriteEvent(rows, e, type, dataJson.WrittenSpan, stamp);
            }
    }

    /// <summary>Stops the thread (a refused record: nothing more is written; the caller's transaction rolls the COPY back).</summary>
    public void Dispose()
    {
        writer.StopAsync().GetAwaiter().GetResult();
        try
        {
            rows.Dispose();   // without Complete: cancels the COPY
        }
        finally
        {
            decided.Dispose();
            writer.Dispose();
        }
    }
}
