using GraphQL.Types;
using Marten;
using PartnershipLedger.Graph;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Assessments;

/// <summary>
/// A member organization answers one function's questionnaire about itself in this partnership. The answers
/// are scored when recorded (and the model version kept), giving that member's assessed level.
/// </summary>
public sealed record RecordSelfAssessment(Guid OrganizationId, BusinessFunction Function, IReadOnlyList<bool> Answers) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, MaturityModel model, Decision decision)
    {
        decision.RequireMember(partnership, OrganizationId, "organizationId");
        decision.Require(decision.Actor.ActsFor([OrganizationId]), "organizationId",
            "A self-assessment is answered by the organization itself: organizationId must be your token's organization.");
        var questionnaire = model.Function(Function).Assessment;
        var answers = Answers ?? [];
        if (questionnaire.AnswerCountProblem(answers) is { } problem)
        {
            decision.Require(false, problem.Field, problem.Message);
            yield break;
        }
        var yes = answers.Count(answer => answer);
        yield return new SelfAssessmentRecorded(partnership.Id, OrganizationId, Function, answers, yes, questionnaire.LevelForYesCount(yes), model.Version, decision.OccurredAt);
    }
}

public static class RecordSelfAssessmentHandler
{
    public static Task<Recorded> Handle(RecordSelfAssessment command, IDocumentSession session, MaturityModel model, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, (partnership, decision) => command.Decide(partnership, model, decision), cancellation);
}

public sealed class RecordSelfAssessmentInput : PartnershipCommandInputGraphType<RecordSelfAssessment>
{
    public RecordSelfAssessmentInput() : base("RecordSelfAssessmentInput", "A member's answers to one function's self-assessment questionnaire.")
    {
        Field(x => x.OrganizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The member assessing itself (the acting organization).");
        Field(x => x.Function, type: typeof(NonNullGraphType<BusinessFunctionGraphType>)).Description("The function assessed.");
        Field(x => x.Answers).Description("One yes (true) or no (false) per question of the function's questionnaire, in its order.");
        AddCommonFields();
    }
}

public static class Mutations
{
    public static void AddTo(ObjectGraphType mutation) =>
        mutation.AddCommand<RecordSelfAssessment, RecordSelfAssessmentInput, PartnershipPayloadGraphType>(
            "recordSelfAssessment", "Records a member's self-assessment of one function, scored by the model's published bands.");
}
