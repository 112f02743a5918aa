using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace PartnershipLedger.Import;

/// <summary>
/// The rows of a binary COPY, written in PostgreSQL's binary COPY format (a signature, then per row its column count
/// and each value length-prefixed, in the types' binary forms, then -1) into a buffer sent in large writes. The event
/// COPY's hot path: Npgsql's <see cref="NpgsqlBinaryImporter"/> binds a converter for each value (14 a row), which cost a
/// third of the thread that writes the rows. Synchronous. <see cref="Dispose"/> without <see cref="Complete"/> cancels the
/// COPY (the caller's transaction then rolls back).
/// </summary>
public sealed class BinaryCopyRows : IDisposable
{
    private const int FlushAt = 1 << 18;

    /// <summary>PostgreSQL's timestamps count microseconds from 2000-01-01 00:00 UTC.</summary>
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>"PGCOPY\n", 0xFF, "\r\n", 0 (a byte no UTF-8 literal can hold).</summary>
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    private readonly NpgsqlRawCopyStream stream;
    private readonly ArrayBufferWriter<byte> buffer = new(FlushAt + (1 << 16));
    private bool completed;

    public BinaryCopyRows(NpgsqlConnection connection, string copyFromStdinBinary)
    {
        stream = connection.BeginRawBinaryCopy(copyFromStdinBinary);
        buffer.Write(Signature);
        WriteInt32(0);   // flags
        WriteInt32(0);   // header extension length
    }

    public void StartRow(short columns)
    {
        if (buffer.WrittenCount >= FlushAt) Flush();
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

    /// <summary>A timestamptz: microseconds since PostgreSQL's epoch, as Npgsql writes it (ticks truncated).</summary>
    public void Write(DateTimeOffset value) => Write((value.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);

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

    /// <summary>Ends the COPY: the trailer, the last rows, and PostgreSQL's answer (a refused row throws here).</summary>
    public void Complete()
    {
        WriteInt16(-1);
        Flush();
        completed = true;
        stream.Dispose();
    }

    public void Dispose()
    {
        if (completed) return;
        completed = true;
        try
        {
            stream.Cancel();
        }
        finally
        {
            stream.Dispose();
        }
    }

    private void Flush()
    {
        stream.Write(buffer.WrittenSpan);
        buffer.ResetWrittenCount();
    }

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
