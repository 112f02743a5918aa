using PartnershipLedger.Functions.Agreement;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Demo;

/// <summary>
/// Collects one demo partnership's facts and keeps them valid, so the stories in <see cref="DemoPortfolio"/> can be
/// written freely: a fact outside the partnership's active time (before its formation, at or after its end or "now",
/// while it is on hold) is left out, and so is every fact that refers to a fact left out (a lead's acceptance, an
/// agreement's review...).
/// </summary>
internal sealed class DemoScript
{
    private sealed record Entry(DateTimeOffset At, PartnershipCommand Command, Guid? Creates);

    private readonly DemoClock clock;
    private readonly List<Entry> entries = [];
    private readonly HashSet<Guid> recorded = [];
    private readonly List<(DemoOrganization Organization, DateTimeOffset Since)> members;
    private (DateTimeOffset From, DateTimeOffset? Until)? pause;

    public DemoScript(DemoClock clock, string name, DemoProfile profile, IReadOnlyList<DemoOrganization> founders, DateTimeOffset formedAt)
    {
        this.clock = clock;
        Name = name;
        Profile = profile;
        FormedAt = formedAt;
        Limit = clock.Now.AddHours(-1);
        members = founders.Select(founder => (founder, formedAt)).ToList();
        Formation = new FormPartnership(name, founders.Select(founder => founder.Id).ToList()) { Actor = founders[0].Person(clock.Random), OccurredAt = formedAt };
    }

    public string Name { get; }
    public DemoProfile Profile { get; }
    public DateTimeOffset FormedAt { get; }

    /// <summary>Facts must happen before this instant: "now" (less an hour), or the end of the partnership.</summary>
    public DateTimeOffset Limit { get; private set; }

    public DemoClock Clock => clock;
    public Random Random => clock.Random;
    private FormPartnership Formation { get; }

    /// <summary>Months since formation at the limit: how much history this partnership has.</summary>
    public double Months => (Limit - FormedAt).TotalDays / 30.44;

    public DemoOrganization First => members[0].Organization;
    public DemoOrganization Second => members[1].Organization;

    /// <summary>A business time about <paramref name="month"/> months after formation (a few days either way), always after it.</summary>
    public DateTimeOffset Month(double month)
    {
        var at = clock.BusinessTime(FormedAt.AddDays(month * 30.44 + Random.Next(-4, 5)));
        return at > FormedAt ? at : clock.BusinessTime(FormedAt.AddDays(1));
    }

    public IReadOnlyList<DemoOrganization> MembersAt(DateTimeOffset at) =>
        members.Where(member => member.Since < at).Select(member => member.Organization).ToList();

    public bool IsActiveAt(DateTimeOffset at) =>
        at > FormedAt && at < Limit && !(pause is { } hold && at >= hold.From && (hold.Until is not { } until || at < until));

    /// <summary>Records a fact (by <paramref name="actor"/>, or any member) unless it falls outside the active time or needs a fact left out.</summary>
    public bool Record(DateTimeOffset at, PartnershipCommand command, DemoOrganization? actor = null, params Guid?[] needs) =>
        Add(at, command, actor, creates: false, needs) is not null;

    /// <summary>Like <see cref="Record"/>, for a fact later facts refer to: returns its placeholder id, or null when it was left out.</summary>
    public Guid? Create(DateTimeOffset at, PartnershipCommand command, DemoOrganization? actor = null, params Guid?[] needs) =>
        Add(at, command, actor, creates: true, needs);

    private Guid? Add(DateTimeOffset at, PartnershipCommand command, DemoOrganization? actor, bool creates, Guid?[] needs)
    {
        if (!IsActiveAt(at) || needs.Any(need => need is not { } id || !recorded.Contains(id))) return null;
        var present = MembersAt(at);
        if (actor is not null && !present.Contains(actor)) return null;
        var by = actor ?? clock.Pick(present);
        var creation = creates ? clock.NewId() : Guid.Empty;
        entries.Add(new Entry(at, command with { Actor = by.Person(Random), OccurredAt = at }, creates ? creation : null));
        if (creates) recorded.Add(creation);
        return creates ? creation : Guid.Empty;
    }

    /// <summary>A third organization joins at <paramref name="at"/>: it takes part in facts only afterwards.</summary>
    public void Join(DateTimeOffset at, DemoOrganization organization)
    {
        if (!IsActiveAt(at)) return;
        entries.Add(new Entry(at, new AddPartnershipMember(organization.Id) { Actor = First.Person(Random), OccurredAt = at }, null));
        members.Add((organization, at));
    }

    /// <summary>Puts the partnership on hold from <paramref name="from"/> until <paramref name="until"/> (null: still on hold). Call before adding facts.</summary>
    public void Pause(DateTimeOffset from, DateTimeOffset? until, string reason)
    {
        if (!IsActiveAt(from)) return;
        entries.Add(new Entry(from, new PausePartnership(reason) { Actor = First.Person(Random), OccurredAt = from }, null));
        if (until is { } resumed && IsActiveAt(resumed))
        {
            entries.Add(new Entry(resumed, new ResumePartnership { Actor = Second.Person(Random), OccurredAt = resumed }, null));
            pause = (from, resumed);
        }
        else pause = (from, null);
    }

    /// <summary>Ends the partnership at <paramref name="at"/>: later facts are left out. Call before adding facts.</summary>
    public void End(DateTimeOffset at, string reason)
    {
        if (!IsActiveAt(at)) return;
        Limit = at;
        entries.Add(new Entry(at, new EndPartnership(reason) { Actor = Second.Person(Random), OccurredAt = at }, null));
    }

    /// <summary>
    /// The partnership's steps, each with a command id naming the demo (visible as the causation id). Facts are in
    /// business time order, except agreements: each agreement comes last, right before its reviews and termination.
    /// </summary>
    /// <remarks>
    /// Signing or reviewing schedules a reminder for a year later, which for back-filled history is already due: the
    /// ledger handles it within a second or so and decides on the reviews it knows by then. Recording an agreement's
    /// reviews right after it, once nothing else is left to record in its partnership, keeps the reminder from deciding
    /// without them (an "overdue" contradicting a review) and from racing the loader on the same stream.
    /// </remarks>
    public DemoPartnership Build(Guid placeholder, string commandIdPrefix)
    {
        var kept = entries.Where(entry => entry.At < Limit || entry.Command is EndPartnership).OrderBy(entry => entry.At).ToList();
        var agreementFacts = kept.Where(entry => AgreementOf(entry) is not null).ToLookup(entry => AgreementOf(entry)!.Value);
        var ordered = kept.Where(entry => AgreementOf(entry) is null)
            .Concat(kept.Where(entry => entry.Command is SignAgreement).SelectMany(signing => agreementFacts[signing.Creates!.Value]));

        var steps = new List<DemoStep> { new(Formation with { CommandId = $"{commandIdPrefix}-000" }, placeholder) };
        var number = 0;
        foreach (var entry in ordered)
            steps.Add(new DemoStep(entry.Command with { PartnershipId = placeholder, CommandId = $"{commandIdPrefix}-{++number:000}" }, entry.Creates));
        return new DemoPartnership(placeholder, Name, Profile, steps);
    }

    private static Guid? AgreementOf(Entry entry) => entry.Command switch
    {
        SignAgreement => entry.Creates,
        ReviewAgreement review => review.AgreementId,
        TerminateAgreement termination => termination.AgreementId,
        _ => null,
    };
}
