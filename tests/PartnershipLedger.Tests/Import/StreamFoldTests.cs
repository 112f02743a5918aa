using System.Reflection;
using JasperFx.Events;
using PartnershipLedger.Import;
using PartnershipLedger.Partnerships;

namespace PartnershipLedger.Tests.Import;

/// <summary>The events an import or rebuild folds in memory look like those the store hands over.</summary>
public sealed class StreamFoldTests
{
    [Fact]
    public void A_wrapped_event_is_the_event_the_store_would_make_with_the_given_id_stream_version_and_time()
    {
        var data = new PartnershipPaused(Guid.CreateVersion7(), "budget freeze", DateTimeOffset.UnixEpoch);
        var id = Guid.CreateVersion7();
        var stream = Guid.CreateVersion7();
        var at = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        IEvent expected = new Event<PartnershipPaused>(data) { Id = id, StreamId = stream, Version = 7, Timestamp = at };

        var wrapped = StreamFold.Wrap(data, id, stream, 7, at);

        // Every field, public or not, so that one the library's constructor sets (as it sets a random id and the default
        // tenant) and the wrapper skips is caught here.
        Assert.IsType<Event<PartnershipPaused>>(wrapped);
        var fields = typeof(Event<PartnershipPaused>).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotEmpty(fields);
        foreach (var field in fields)
            Assert.True(Equals(field.GetValue(expected), field.GetValue(wrapped)), $"{field.Name}: expected {field.GetValue(expected)}, wrapped {field.GetValue(wrapped)}");
        Assert.Same(data, wrapped.Data);
    }
}
