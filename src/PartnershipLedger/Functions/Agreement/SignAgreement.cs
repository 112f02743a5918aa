using GraphQL.Types;
using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;
using Wolverine;

namespace PartnershipLedger.Functions.Agreement;

/// <summary>
/// The partners signed an agreement — from a handshake or an MOU (reactive), a letter of intent (proactive),
/// to a formal partnership agreement (dynamic). Its yearly review falls due a year after signing: a durable
/// reminder is scheduled for that instant.
/// </summary>
public sealed record SignAgreement(AgreementKind Kind, string? Title, IReadOnlyList<Guid>? Parties, DateOnly? EffectiveFrom, DateOnly? ExpiresOn) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, Decision decision)
    {
        var parties = Parties is { Count: > 0 } named ? named.Distinct().ToList() : partnership.Members.ToList();
        foreach (var party in parties) decision.RequireMember(partnership, party, "parties");
        decision.Require(parties.Count >= 2, "parties", "An agreement binds two or more members.");
        decision.Require(EffectiveFrom is null || ExpiresOn is null || ExpiresOn >= EffectiveFrom, "expiresOn",
            $"expiresOn {ExpiresOn:yyyy-MM-dd} is before effectiveFrom {EffectiveFrom:yyyy-MM-dd}.");
        decision.Require(ExpiresOn is null || ExpiresOn >= DateOnly.FromDateTime(decision.OccurredAt.UtcDateTime), "expiresOn",
            $"expiresOn {ExpiresOn:yyyy-MM-dd} is before the signing ({decision.OccurredAt:yyyy-MM-dd}): the agreement would be expired when signed.");
        yield return new AgreementSigned(partnership.Id, Kind, decision.Text("title", Title, Limits.Name), parties, EffectiveFrom, ExpiresOn, decision.OccurredAt);
    }
}

public static class SignAgreementHandler
{
    public static async Task<(Recorded, OutgoingMessages)> Handle(SignAgreement command, IDocumentSession session, TimeProvider clock, ReminderGrace grace, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var recorded = await session.RecordOnPartnershipAsync(command, now, command.Decide, cancellation);
        return (recorded, AgreementReviewDue.Schedule(recorded, agreementId: recorded.EventId, reviewedAt: command.OccurredAt ?? now, command.ExpiresOn, now, grace.Delay));
    }
}

public sealed class AgreementKindGraphType : EnumerationGraphType<AgreementKind>
{
    public AgreementKindGraphType()
    {
        Name = "AgreementKind";
        Description = "Kinds of agreement, from a handshake to a formal partnership agreement.";
    }
}

public sealed class SignAgreementInput : PartnershipCommandInputGraphType<SignAgreement>
{
    public SignAgreementInput() : base("SignAgreementInput", "An agreement signed by two or more members.")
    {
        Field(x => x.Kind, type: typeof(NonNullGraphType<AgreementKindGraphType>)).Description("What kind of agreement.");
        Field(x => x.EffectiveFrom, type: typeof(CalendarDateGraphType)).Description("The first day it is in force.");
        Field(x => x.ExpiresOn, type: typeof(CalendarDateGraphType)).Description("The day it expires, if it does.");
        Field(x => x.Title, nullable: true).Description("Its title.");
        Field(x => x.Parties, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("The members bound by it; defaults to every member.");
        AddCommonFields();
    }
}
