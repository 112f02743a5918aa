using PartnershipLedger.Import;

namespace PartnershipLedger.Tests.Import;

/// <summary>The ids an import makes: version 7 UUIDs like Guid.CreateVersion7's, unique across refills of their random bits.</summary>
public sealed class Uuid7Tests
{
    [Fact]
    public void Ids_are_version_7_with_the_timestamp_in_front_like_the_runtimes_own()
    {
        var at = new DateTimeOffset(2026, 11, 25, 8, 30, 15, 123, TimeSpan.Zero);

        var id = Uuid7.Next(at);
        var runtimes = Guid.CreateVersion7(at);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);   // the RFC 9562 variant, as the runtime's own: its top two bits 10
        Assert.Equal(0b10, runtimes.Variant >> 2);
        Assert.Equal(runtimes.ToString()[..13], id.ToString()[..13]);   // the same 48-bit millisecond timestamp
        Assert.NotEqual(runtimes, id);
        Assert.Throws<ArgumentOutOfRangeException>(() => Uuid7.Next(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
    }

    [Fact]
    public void Ids_are_unique_across_many_refills_and_ordered_by_their_time()
    {
        var at = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 50_000).Select(_ => Uuid7.Next(at)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(7, id.Version));
        Assert.True(string.CompareOrdinal(Uuid7.Next(at.AddSeconds(1)).ToString(), Uuid7.Next(at).ToString()) > 0);
    }
}
