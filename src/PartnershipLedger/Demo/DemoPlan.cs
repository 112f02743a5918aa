using PartnershipLedger.Organizations;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Demo;

/// <summary>The story a demo partnership tells, so the portfolio shows maturity rising, holding, decaying and stopping.</summary>
public enum DemoProfile
{
    /// <summary>More and richer evidence over time, up to dynamic in most functions it works on.</summary>
    Maturing,

    /// <summary>The same modest evidence renewed year after year: reactive or proactive, never dynamic.</summary>
    Steady,

    /// <summary>Active in its first year, then meetings and leads stop and the evidence expires; its agreement is left unreviewed.</summary>
    Decaying,

    /// <summary>Put on hold for some months (one of them is still on hold).</summary>
    Paused,

    /// <summary>Ended after a year and a half or so: nothing is recorded afterwards.</summary>
    Ended,
}

/// <summary>
/// One command of the demo. Ids in it are placeholders: what a command creates (a stream, or a fact later facts
/// refer to, such as a lead) gets its real id only when it is recorded, so <see cref="Creates"/> names the
/// placeholder that the recorded id stands for and the loader substitutes it in later commands.
/// </summary>
public sealed record DemoStep(Command Command, Guid? Creates = null);

/// <summary>A demo partnership's commands, in the order they are recorded (business time order).</summary>
public sealed record DemoPartnership(Guid Placeholder, string Name, DemoProfile Profile, IReadOnlyList<DemoStep> Steps);

/// <summary>
/// The whole demo as data: generated purely from a seed and an instant (<see cref="DemoPortfolio.Generate"/>), sent
/// by <see cref="DemoLoader"/>. Keeping the two apart makes the portfolio reproducible and testable without a database.
/// </summary>
public sealed record DemoPlan(int Seed, DateTimeOffset Now, IReadOnlyList<DemoStep> Setup, IReadOnlyList<DemoPartnership> Partnerships)
{
    /// <summary>Every command, setup (organizations, circles of trust) first.</summary>
    public IEnumerable<DemoStep> Steps => Setup.Concat(Partnerships.SelectMany(partnership => partnership.Steps));

    public int Organizations => Setup.Count(step => step.Command is RegisterOrganization);

    public int Circles => Setup.Count(step => step.Command is CirclesOfTrust.FormCircleOfTrust);
}
