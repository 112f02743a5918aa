using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using GraphQL.DataLoader;
using GraphQL.Types;
using PartnershipLedger.Graph;
using PartnershipLedger.Model;

namespace PartnershipLedger.Maturity;

public sealed class FunctionMaturityGraphType : ObjectGraphType<FunctionMaturity>
{
    public FunctionMaturityGraphType()
    {
        Name = "FunctionMaturity";
        Description = "One business function's maturity at one instant: what the record shows (evidenced), what the members say (assessed), and the gap.";
        Field(x => x.Function, type: typeof(NonNullGraphType<BusinessFunctionGraphType>)).Description("The function.");
        Field<NonNullGraphType<MaturityLevelGraphType>>("level").Description("The evidenced level (the same as evidencedLevel).").Resolve(context => context.Source.EvidencedLevel);
        Field(x => x.EvidencedLevel, type: typeof(NonNullGraphType<MaturityLevelGraphType>)).Description("The level the recorded evidence reaches (schema/evidence-rules.json).");
        Field(x => x.AssessedLevel, type: typeof(MaturityLevelGraphType)).Description("The lowest of the members' latest self-assessments; null until a member assessed this function.");
        Field(x => x.Gap, nullable: true).Description("Assessed minus evidenced, in levels ('you say DYNAMIC, the record says REACTIVE' is 2); null without an assessment.");
        Field(x => x.Since, type: typeof(InstantGraphType)).Description("When the current evidenced level began.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MemberAssessmentGraphType>>>>("assessments")
            .Description("Each member's latest self-assessment of this function.")
            .Resolve(context => Facts(context).Then(partnership => context.Source.Reading.Assessments(partnership, context.Source.Function)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceGraphType>>>>("evidence")
            .Description("The recorded facts that make the current evidenced level hold.")
            .Resolve(context => Facts(context).Then(partnership => context.Source.Reading.Evidence(partnership, context.Source.Function, context.Source.EvidencedLevel)));
        Field<InstantGraphType>("evidenceExpiresAt")
            .Description("When the current level falls back if nothing new is recorded (evidence leaving its window, an agreement expiring); null at BASIC.")
            .Resolve(context => Facts(context).Then(partnership => context.Source.Reading.EvidenceExpiresAt(partnership, context.Source.Function)));
        Field<StringGraphType>("nextLevelNeeds")
            .Description("What the next level needs, as the evidence rules say; null at DYNAMIC.")
            .Resolve(context => context.Source.Reading.NextLevelRule(context.Source.Function, context.Source.EvidencedLevel)?.Description);
    }

    /// <summary>The whole maturity document with its facts, loaded (once per request) only when a field needs the facts.</summary>
    private static IDataLoaderResult<PartnershipMaturity> Facts(IResolveFieldContext<FunctionMaturity> context) =>
        MaturityFields.Loader(context.RequestServices!).Load(context.Source.Reading.PartnershipId)
            .Then(partnership => partnership ?? throw new InvalidOperationException($"The maturity document of {context.Source.Reading.PartnershipId} is gone while reading it."));
}

public sealed class MemberAssessmentGraphType : ObjectGraphType<MaturityFact>
{
    public MemberAssessmentGraphType()
    {
        Name = "MemberAssessment";
        Description = "A member's latest self-assessment of one function.";
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The member.").Resolve(context => context.Source.Id("organizationId"));
        Field<NonNullGraphType<MaturityLevelGraphType>>("level").Description("The level its answers scored.").Resolve(context => context.Source.Level);
        Field<NonNullGraphType<IntGraphType>>("yesCount").Description("How many questions it answered yes.").Resolve(context => context.Source.Data.GetProperty("yesCount").GetInt32());
        Field<NonNullGraphType<InstantGraphType>>("assessedAt").Description("When it assessed itself.").Resolve(context => context.Source.OccurredAt);
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The SelfAssessmentRecorded event.").Resolve(context => context.Source.EventId);
    }
}

public sealed class EvidenceGraphType : ObjectGraphType<MaturityFact>
{
    public EvidenceGraphType()
    {
        Name = "Evidence";
        Description = "A recorded fact counted as evidence.";
        Field<NonNullGraphType<IdGraphType>>("eventId").Description("The event.").Resolve(context => context.Source.EventId);
        Field<NonNullGraphType<StringGraphType>>("type").Description("The event type.").Resolve(context => context.Source.Type);
        Field<NonNullGraphType<InstantGraphType>>("occurredAt").Description("When it happened.").Resolve(context => context.Source.OccurredAt);
        Field<NonNullGraphType<InstantGraphType>>("recordedAt").Description("When it was recorded.").Resolve(context => context.Source.RecordedAt);
    }
}

public sealed class MaturityBasisGraphType : EnumerationGraphType<MaturityBasis>
{
    public MaturityBasisGraphType()
    {
        Name = "MaturityBasis";
        Description = "What a level rests on: EVIDENCED (recorded facts) or ASSESSED (members' self-assessments).";
    }
}

public sealed class MaturityChangeGraphType : ObjectGraphType<MaturityChange>
{
    public MaturityChangeGraphType()
    {
        Name = "MaturityChange";
        Description = "A change of one function's level, with its cause.";
        Field(x => x.Function, type: typeof(NonNullGraphType<BusinessFunctionGraphType>)).Description("The function.");
        Field(x => x.At, type: typeof(NonNullGraphType<InstantGraphType>)).Description("Business time of the change.");
        Field(x => x.From, type: typeof(MaturityLevelGraphType)).Description("The level before; null for the first entry, when the partnership was formed.");
        Field(x => x.To, type: typeof(NonNullGraphType<MaturityLevelGraphType>)).Description("The level after.");
        Field<NonNullGraphType<StringGraphType>>("basis").Description("EVIDENCED or ASSESSED.").Resolve(context => context.Source.Basis.ToString().ToUpperInvariant());
        Field(x => x.CauseEventId, type: typeof(IdGraphType)).Description("The event that caused it; null when evidence expired (nothing happened at that instant).");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, in words.")
            .Resolve(context => context.RequestServices!.GetRequiredService<MaturityEvaluator>().Reason(context.Source));
    }
}

/// <param name="Level">The evidenced level at the period end; null before the partnership was formed.</param>
/// <param name="AssessedLevel">The assessed level at the period end; null before any self-assessment.</param>
public sealed record PartnershipTrendPoint(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, MaturityLevel? Level, MaturityLevel? AssessedLevel, int Ups, int Downs);

public sealed class PartnershipTrendPointGraphType : ObjectGraphType<PartnershipTrendPoint>
{
    public PartnershipTrendPointGraphType()
    {
        Name = "PartnershipTrendPoint";
        Description = "One period of a partnership's trend for one function.";
        Field(x => x.PeriodStart, type: typeof(NonNullGraphType<InstantGraphType>)).Description("The period's first instant.");
        Field(x => x.PeriodEnd, type: typeof(NonNullGraphType<InstantGraphType>)).Description("The instant after the period (the levels are taken there).");
        Field(x => x.Level, type: typeof(MaturityLevelGraphType)).Description("The evidenced level at the period end; null before the partnership was formed.");
        Field(x => x.AssessedLevel, type: typeof(MaturityLevelGraphType)).Description("The assessed level at the period end; null before any self-assessment.");
        Field(x => x.Ups).Description("Evidenced moves up during the period.");
        Field(x => x.Downs).Description("Evidenced moves down during the period.");
    }
}
