using GraphQL.Types;
using Marten;
using PartnershipLedger.Model;
using PartnershipLedger.Partnerships;
using PartnershipLedger.Recording;

namespace PartnershipLedger.Functions.CustomerRelationships;

/// <summary>
/// A customer answered the playbook's satisfaction survey about a joint project: one answer per question of
/// the model's CSAT template, on its 4-point scale. Logged surveys are proactive evidence.
/// </summary>
public sealed record LogCsatSurvey(string Customer, string Project, string? ProjectNumber, IReadOnlyList<CsatAnswer> Answers) : PartnershipCommand
{
    public IEnumerable<object> Decide(Partnership partnership, CsatSurveyTemplate template, Decision decision)
    {
        var answers = Answers ?? [];
        decision.Require(answers.Count == template.Questions.Count, "answers",
            $"The survey has {template.Questions.Count} questions ({string.Join(", ", template.Questions.Select(q => q.Number))}), but {answers.Count} answers were given: answer every question, in order.");
        yield return new CsatSurveyLogged(partnership.Id, decision.RequiredText("customer", Customer, Limits.Name), decision.RequiredText("project", Project, Limits.Name),
            decision.Text("projectNumber", ProjectNumber, Limits.Name), answers, decision.OccurredAt);
    }
}

public static class LogCsatSurveyHandler
{
    public static Task<Recorded> Handle(LogCsatSurvey command, IDocumentSession session, MaturityModel model, TimeProvider clock, CancellationToken cancellation) =>
        session.RecordOnPartnershipAsync(command, clock, (partnership, decision) => command.Decide(partnership, model.CsatSurvey, decision), cancellation);
}

public sealed class LogCsatSurveyInput : PartnershipCommandInputGraphType<LogCsatSurvey>
{
    public LogCsatSurveyInput() : base("LogCsatSurveyInput", "A customer's answers to the satisfaction survey about a joint project.")
    {
        Field(x => x.Customer).Description("The customer who answered.");
        Field(x => x.Project).Description("The project the survey is about.");
        Field(x => x.ProjectNumber, nullable: true).Description("The project's number.");
        Field(x => x.Answers, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<CsatAnswerGraphType>>>))
            .Description("One answer per question of maturityModel.csatSurvey, in its order.");
        AddCommonFields();
    }
}
