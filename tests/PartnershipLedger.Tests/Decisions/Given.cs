using JasperFx.Events;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Tests.Decisions;

/// <summary>
/// Builds a partnership's decision state from events, as Marten folds it, for fast tests of pure decisions:
/// Given(events) / When(command) / Then(events or problems).
/// </summary>
public static class Given
{
    public static readonly Guid Contoso = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Fabrikam = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid PartnershipId = Guid.Parse("00000000-0000-0000-0000-0000000000aa");
    public static readonly DateTimeOffset FormedAt = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A partnership of Contoso and Fabrikam formed at <see cref="FormedAt"/>, then the given events (with their ids).</summary>
    public static Partnership Partnership(params (Guid Id, object Data)[] events)
    {
        var state = PartnershipLedger.Partnerships.Partnership.Create((IEvent<PartnershipFormed>)Wrap(Guid.NewGuid(), new PartnershipFormed(PartnershipId, "Nordic", [Contoso, Fabrikam], FormedAt)));
        foreach (var (id, data) in events) ((dynamic)state).Apply((dynamic)Wrap(id, data));
        return state;
    }

    public static Decision Decision(DateTimeOffset occurredAt, Guid? actor = null) =>
        new(occurredAt.AddDays(1), occurredAt, new Actor("ada", actor ?? Contoso));

    private static IEvent Wrap(Guid id, object data)
    {
        var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        wrapped.Id = id;
        return wrapped;
    }
}
