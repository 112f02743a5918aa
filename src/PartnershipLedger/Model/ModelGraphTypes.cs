using GraphQL;
using GraphQL.Types;

namespace PartnershipLedger.Model;

public sealed class MaturityModelGraphType : ObjectGraphType<MaturityModel>
{
    public MaturityModelGraphType()
    {
        Name = "MaturityModel";
        Description = "The IAMCP P2P Maturity Model the ledger scores against: levels, business functions, questionnaires, the CSAT template.";
        Field(x => x.Version).Description("Version of the model data shipped with this server (schema/maturity-model.json).");
        Field(x => x.Name).Description("Name of the model.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LevelDefinitionGraphType>>>>("levels")
            .Description("The four levels, lowest first.").Resolve(ctx => ctx.Source.Levels);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FunctionDefinitionGraphType>>>>("functions")
            .Description("The ten business functions, in the playbook's order.").Resolve(ctx => ctx.Source.Functions);
        Field<NonNullGraphType<FunctionDefinitionGraphType>>("function")
            .Description("One business function.")
            .Argument<NonNullGraphType<BusinessFunctionGraphType>>("function", "The function to return.")
            .Resolve(ctx => ctx.Source.Function(ctx.GetArgument<BusinessFunction>("function")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartnerTypeDefinitionGraphType>>>>("partnerTypes")
            .Description("The partner ecosystem: the kinds of organization that partner.").Resolve(ctx => ctx.Source.PartnerTypes);
        Field(x => x.PipelineStages).Description("Sales stages of the playbook's pipeline table, in stage order.");
        Field<NonNullGraphType<CsatSurveyTemplateGraphType>>("csatSurvey")
            .Description("The playbook's customer satisfaction survey template.").Resolve(ctx => ctx.Source.CsatSurvey);
    }
}

public sealed class LevelDefinitionGraphType : ObjectGraphType<LevelDefinition>
{
    public LevelDefinitionGraphType()
    {
        Name = "MaturityLevelDefinition";
        Description = "One maturity level as the playbook defines it.";
        Field(x => x.Level, type: typeof(NonNullGraphType<MaturityLevelGraphType>)).Description("The level.");
        Field(x => x.Name).Description("Display name, e.g. 'Proactive'.");
        Field(x => x.Rank).Description("0 for BASIC up to 3 for DYNAMIC.");
        Field(x => x.Description).Description("What partnering at this level looks like (playbook).");
    }
}

public sealed class PartnerTypeDefinitionGraphType : ObjectGraphType<PartnerTypeDefinition>
{
    public PartnerTypeDefinitionGraphType()
    {
        Name = "PartnerTypeDefinition";
        Description = "A kind of organization in the partner ecosystem.";
        Field(x => x.Type, type: typeof(NonNullGraphType<PartnerTypeGraphType>)).Description("The partner type.");
        Field(x => x.Name).Description("Display name, e.g. 'Systems Integrator'.");
        Field(x => x.Abbreviation, nullable: true).Description("Usual abbreviation (ISV, VAR, ...), when there is one.");
        Field(x => x.Description).Description("What this kind of partner does (playbook).");
    }
}

public sealed class FunctionDefinitionGraphType : ObjectGraphType<FunctionDefinition>
{
    public FunctionDefinitionGraphType()
    {
        Name = "BusinessFunctionDefinition";
        Description = "One of the ten business functions: what it is, each level's description, advice and questionnaire.";
        Field(x => x.Function, type: typeof(NonNullGraphType<BusinessFunctionGraphType>)).Description("The function.");
        Field(x => x.Name).Description("Display name, e.g. 'Joint business planning'.");
        Field(x => x.Definition).Description("What the function is about, paragraph by paragraph.");
        Field(x => x.DefinitionSource).Description("Which source document the definition comes from: 000 (playbook) or 001 (essay).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FunctionLevelDefinitionGraphType>>>>("levels")
            .Description("The function at each of the four levels, lowest first.").Resolve(ctx => ctx.Source.Levels);
        Field<FunctionAdviceGraphType>("advice")
            .Description("The essay's advice for this area; null where it has none.").Resolve(ctx => ctx.Source.Advice);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecommendedActionGraphType>>>>("actions")
            .Description("The playbook's 'take actions / leverage these resources' rows, where it has them.").Resolve(ctx => ctx.Source.Actions);
        Field<NonNullGraphType<QuestionnaireGraphType>>("assessment")
            .Description("The yes/no self-assessment of this function with its scoring bands.").Resolve(ctx => ctx.Source.Assessment);
    }
}

public sealed class FunctionLevelDefinitionGraphType : ObjectGraphType<FunctionLevelDefinition>
{
    public FunctionLevelDefinitionGraphType()
    {
        Name = "FunctionLevelDefinition";
        Description = "What one function looks like at one level.";
        Field(x => x.Level, type: typeof(NonNullGraphType<MaturityLevelGraphType>)).Description("The level.");
        Field(x => x.Framework).Description("The cell of the playbook's framework table.");
        Field(x => x.Overview).Description("The playbook's overview bullets for this level.");
    }
}

public sealed class FunctionAdviceGraphType : ObjectGraphType<FunctionAdvice>
{
    public FunctionAdviceGraphType()
    {
        Name = "FunctionAdvice";
        Description = "Advice from the essay 'The IAMCP Partnering Maturity Model' for one area.";
        Field(x => x.Area).Description("The essay's heading for the area.");
        Field(x => x.Text).Description("The advice, sentence by sentence and bullet by bullet.");
    }
}

public sealed class RecommendedActionGraphType : ObjectGraphType<RecommendedAction>
{
    public RecommendedActionGraphType()
    {
        Name = "RecommendedAction";
        Description = "An action the playbook recommends, with the resource to use.";
        Field(x => x.Action).Description("What to do.");
        Field(x => x.Resource).Description("The resource the playbook points to.");
    }
}

public sealed class QuestionnaireGraphType : ObjectGraphType<Questionnaire>
{
    public QuestionnaireGraphType()
    {
        Name = "Questionnaire";
        Description = "A yes/no self-assessment. Scoring: a level is reached when the yes-count reaches its band's lowest number; a count in a gap between bands stays at the level below.";
        Field(x => x.Title).Description("The questionnaire's heading in the playbook.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionGraphType>>>>("questions")
            .Description("Every question verbatim, in the playbook's order (duplicates included).").Resolve(ctx => ctx.Source.Questions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScoringBandGraphType>>>>("bands")
            .Description("The scoring bands exactly as published, lowest level first.").Resolve(ctx => ctx.Source.Bands);
    }
}

public sealed class QuestionGraphType : ObjectGraphType<Question>
{
    public QuestionGraphType()
    {
        Name = "AssessmentQuestion";
        Description = "One yes/no question of a self-assessment.";
        Field(x => x.Number).Description("1-based position in the questionnaire; answers are given in this order.");
        Field(x => x.Text).Description("The question, verbatim.");
        Field(x => x.NegativeSignal).Description("True when a yes describes immature behaviour; the playbook still counts it as a yes.");
    }
}

public sealed class ScoringBandGraphType : ObjectGraphType<ScoringBand>
{
    public ScoringBandGraphType()
    {
        Name = "ScoringBand";
        Description = "A published band of yes-counts for one level.";
        Field(x => x.Level, type: typeof(NonNullGraphType<MaturityLevelGraphType>)).Description("The level of this band.");
        Field(x => x.Min).Description("Lowest yes-count of the band: reaching it reaches the level.");
        Field(x => x.Max, nullable: true).Description("Highest yes-count as published; null for an open band ('6+').");
        Field(x => x.Published).Description("The band as the playbook prints it, e.g. '3-5 Yes'.");
    }
}

public sealed class CsatSurveyTemplateGraphType : ObjectGraphType<CsatSurveyTemplate>
{
    public CsatSurveyTemplateGraphType()
    {
        Name = "CsatSurveyTemplate";
        Description = "The playbook's customer satisfaction survey: its questions and its 4-point scale.";
        Field(x => x.Title).Description("Title of the survey.");
        Field(x => x.Introduction).Description("The text that opens the survey.");
        Field(x => x.Fields).Description("The header fields a survey records (customer, project, ...).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CsatScalePointGraphType>>>>("scale")
            .Description("The 4 answer points, lowest first.").Resolve(ctx => ctx.Source.Scale);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CsatQuestionGraphType>>>>("questions")
            .Description("The survey's questions, in order.").Resolve(ctx => ctx.Source.Questions);
    }
}

public sealed class CsatScalePointGraphType : ObjectGraphType<CsatScalePoint>
{
    public CsatScalePointGraphType()
    {
        Name = "CsatScalePoint";
        Description = "One point of the survey's 4-point scale.";
        Field(x => x.Answer, type: typeof(NonNullGraphType<CsatAnswerGraphType>)).Description("The answer value.");
        Field(x => x.Label).Description("The usual wording, e.g. 'More than expected'.");
        Field(x => x.Score).Description("1 (lowest) to 4 (highest).");
    }
}

public sealed class CsatQuestionGraphType : ObjectGraphType<CsatQuestion>
{
    public CsatQuestionGraphType()
    {
        Name = "CsatQuestion";
        Description = "One question of the customer satisfaction survey.";
        Field(x => x.Number).Description("The survey's numbering, e.g. '1a'.");
        Field(x => x.Text).Description("The question, verbatim.");
        Field(x => x.Labels).Description("This question's wording of the 4 scale points, lowest first.");
    }
}
