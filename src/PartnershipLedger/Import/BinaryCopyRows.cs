using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Npgsql;

namespace PartnershipLedger.Import;

/// <summary>
/// Rows written into a table by binary COPY, in PostgreSQL's binary COPY format (a signature, then per row its column
/// count and each value length-prefixed, in the types' binary forms, then -1), into buffers sent in large writes. The
/// event COPY's hot path: Npgsql's <see cref="NpgsqlBinaryImporter"/> binds a converter for each value (14 a row), which
/// cost a third of the thread that writes the rows.
/// <list type="bullet">
/// <item>Filled buffers are sent by a thread of their own, so that making rows goes on while PostgreSQL is slow to take
/// them (the rows' thread was blocked in sending a fifth of the time, and PostgreSQL waited for rows about half of it).</item>
/// <item>The rows go in COPY statements of <see cref="RowsPerStatement"/> rows at most (by default): PostgreSQL checks a table's foreign
/// keys (mt_events' stream) for a statement's rows at its end, so one statement left 3 s of checks, on one core, after
/// the last row of a million; many checked in turn overlap the rows still being made.</item>
/// </list>
/// The statements are one COPY only inside the caller's transaction (the import's): without one, each commits on its own.
/// <see cref="Dispose"/> without <see cref="Complete"/> cancels the statement under way (the caller's transaction then
/// rolls back). Values are written as given: null through <see cref="WriteNull"/>, timestamps in UTC.
/// </summary>
public sealed class BinaryCopyRows : IDisposable
{
    public const int RowsPerStatement = 20_000;

    private const int FlushAt = 1 << 16;

    /// <summary>Filled buffers that may wait for the sending thread (16 to 32 MB: the rows made while a statement's keys are checked).</summary>
    private const int Waiting = 256;

    /// <summary>PostgreSQL's timestamps count microseconds from 2000-01-01 00:00 UTC.</summary>
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>"PGCOPY\n", 0xFF, "\r\n", 0 (a byte no UTF-8 literal can hold).</summary>
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    /// <summary>A filled buffer, and whether it ends its statement.</summary>
    private readonly record struct Filled(ArrayBufferWriter<byte> Bytes, bool EndsStatement);

    private readonly NpgsqlConnection connection;
    private readonly string copyFromStdinBinary;
    private readonly int rowsPerStatement;
    private readonly BlockingCollection<Filled> filled = new(boundedCapacity: Waiting);
    private readonly ConcurrentQueue<ArrayBufferWriter<byte>> empty = [];
    private readonly WorkerThreads sender = new();
    private ArrayBufferWriter<byte> buffer = NewBuffer();
    private int rowsInStatement;

    /// <summary>The statement under way, on the sending thread (null between statements).</summary>
    private NpgsqlRawCopyStream? statement;

    public BinaryCopyRows(NpgsqlConnection connection, string copyFromStdinBinary, int rowsPerStatement = RowsPerStatement)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerStatement, 1);
        this.connection = connection;
        this.copyFromStdinBinary = copyFromStdinBinary;
        this.rowsPerStatement = rowsPerStatement;
        sender.Start(SendFilled);
    }

    public void StartRow(short columns)
    {
        if (rowsInStatement == rowsPerStatement) EndStatement();
        if (rowsInStatement++ == 0)
        {
            buffer.Write(Signature);
            WriteInt32(0);   // flags
            WriteInt32(0);   // header extension length
        }
        else if (buffer.WrittenCount >= FlushAt) Flush(endsStatement: false);
        WriteInt16(columns);
    }

    public void Write(long value)
    {
        WriteInt32(8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void Write(Guid value)
    {
        WriteInt32(16);
        value.TryWriteBytes(buffer.GetSpan(16), bigEndian: true, out _);
        buffer.Advance(16);
    }

    public void Write(bool value)
    {
        WriteInt32(1);
        buffer.Write<byte>(value ? [1] : [0]);
    }

    /// <summary>
    /// A timestamptz: microseconds since PostgreSQL's epoch, as Npgsql writes it (ticks truncated; UTC only, as Npgsql
    /// refuses another offset rather than choose what it meant).
    /// </summary>
    public void Write(DateTimeOffset value)
    {
        if (value.Offset != TimeSpan.Zero) throw new ArgumentException($"A timestamptz is written in UTC; {value:O} has another offset.", nameof(value));
        Write((value.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>A text or varchar value, UTF-8.</summary>
    public void WriteText(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt32(length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    /// <summary>A jsonb value: its format version (1) and the JSON text, UTF-8.</summary>
    public void WriteJsonb(ReadOnlySpan<byte> json)
    {
        WriteInt32(json.Length + 1);
        buffer.Write<byte>([1]);
        buffer.Write(json);
    }

    public void WriteNull() => WriteInt32(-1);

    /// <summary>Ends the COPY: the last rows, and PostgreSQL's answer for each statement (a refused row throws here).</summary>
    public void Complete()
    {
        if (rowsInStatement > 0) EndStatement();
        filled.CompleteAdding();
        sender.Wait();
    }

    public void Dispose()
    {
        try
        {
            sender.StopAsync().GetAwaiter().GetResult();
            if (statement is { } abandoned)
            {
                statement = null;
                abandoned.Cancel();
                abandoned.Dispose();
            }
        }
        catch (Exception problem) when (problem is NpgsqlException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection failed under the statement: the failure that stopped the rows is the one to report, and
            // the caller's transaction rolls back all the same.
        }
        finally
        {
            filled.Dispose();
            sender.Dispose();
        }
    }

    private void EndStatement()
    {
        WriteInt16(-1);
        Flush(endsStatement: true);
        rowsInStatement = 0;
    }

    /// <summary>Hands the filled buffer to the sending thread (waiting while too many wait), and goes on in an empty one.</summary>
    private void Flush(bool endsStatement)
    {
        sender.Hand(filled, new Filled(buffer, endsStatement));
        buffer = empty.TryDequeue(out var reused) ? reused : NewBuffer();
    }

    /// <summary>
    /// The sending thread: each filled buffer written to the statement under way (begun at its first), then kept for
    /// reuse; a statement's last ends it, and waits for PostgreSQL's answer.
    /// </summary>
    private void SendFilled()
    {
        foreach (var (bytes, endsStatement) in filled.GetConsumingEnumerable(sender.Stopping))
        {
            statement ??= connection.BeginRawBinaryCopy(copyFromStdinBinary);
            statement.Write(bytes.WrittenSpan);
            bytes.ResetWrittenCount();
            empty.Enqueue(bytes);
            if (!endsStatement) continue;
            var ended = statement;
            statement = null;
            ended.Dispose();
        }
    }

    private static ArrayBufferWriter<byte> NewBuffer() => new(FlushAt + (1 << 16));

    private void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer.GetSpan(2), value);
        buffer.Advance(2);
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }
}
