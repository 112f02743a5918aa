using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PartnershipLedger.Import;

/// <summary>
/// Version 7 UUIDs (RFC 9562), laid out as <see cref="Guid.CreateVersion7()"/> lays them out (48 bits of Unix
/// milliseconds, the version, 74 random bits, the variant), for the ids an import makes by the million: their random
/// bits come from a buffer that the system's cryptographic generator fills 4,096 ids at a time, where
/// <see cref="Guid.CreateVersion7()"/> makes a system call for each id.
/// </summary>
public static class Uuid7
{
    private const int IdsPerFill = 4096;

    [ThreadStatic] private static byte[]? random;
    [ThreadStatic] private static int used;

    public static Guid Next() => Next(DateTimeOffset.UtcNow);

    public static Guid Next(DateTimeOffset timestamp)
    {
        if (random is null || used == random.Length)
        {
            random ??= new byte[16 * IdsPerFill];
            RandomNumberGenerator.Fill(random);
            used = 0;
        }
        Span<byte> id = stackalloc byte[16];
        random.AsSpan(used, 16).CopyTo(id);
        used += 16;
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(timestamp));   // as Guid.CreateVersion7: no instant before 1970
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, milliseconds);
        time[2..].CopyTo(id);                                   // bytes 0-5: the timestamp, big-endian
        id[6] = (byte)(0x70 | (id[6] & 0x0F));                  // version 7
        id[8] = (byte)(0x80 | (id[8] & 0x3F));                  // variant 10
        return new Guid(id, bigEndian: true);
    }
}
