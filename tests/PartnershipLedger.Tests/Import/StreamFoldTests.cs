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

    [Fact]
    public void An_apply_that_takes_the_events_interface_gets_the_event_itself()
    {
        var id = Guid.CreateVersion7();
        var at = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var formed = StreamFold.Wrap(new PartnershipFormed(id, "Contoso + Fabrikam", [Guid.CreateVersion7(), Guid.CreateVersion7()], at), Guid.CreateVersion7(), id, 1, at);
        var meeting = StreamFold.Wrap(new PartnerMeetingHeld(id, true, "Kick-off", at.AddDays(1)), Guid.CreateVersion7(), id, 2, at.AddDays(1));

        // Partnership.Apply(IEvent<IPartnershipEvent>) is the only method for a meeting: IEvent<out T> takes Event<PartnerMeetingHeld>.
        var partnership = StreamFold.Apply(StreamFold.Apply<Partnership>(null, formed), meeting);

        Assert.Equal(new Partnership.Fact(nameof(PartnerMeetingHeld), at.AddDays(1), null), partnership.Facts[meeting.Id]);
    }

    [Fact]
    public void A_method_whose_parameter_cannot_take_the_event_is_named_in_the_refusal()
    {
        // A struct event is no IEvent<interface> (covariance is for reference types), though its interface ranks the method.
        var e = StreamFold.Wrap(new StructEvent(1), Guid.CreateVersion7(), Guid.CreateVersion7(), 1, DateTimeOffset.UnixEpoch);

        var refused = Assert.Throws<InvalidOperationException>(() => StreamFold.Apply<MarkerState>(null, e));

        Assert.Equal("MarkerState.Create takes IEvent<IMarker>, which the event (StructEvent) is not.", refused.Message);
    }

    public interface IMarker;

    public readonly record struct StructEvent(int Number) : IMarker;

    public sealed class MarkerState
    {
        public static MarkerState Create(IEvent<IMarker> e) => new();
    }
}
