using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace PartnershipLedger.Model;

/// <summary>Query fields of the model: the model itself, and scoring a self-assessment without recording it.</summary>
public static class ModelQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<MaturityModelGraphType>>("maturityModel")
            .Description("The maturity model this server scores against.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<MaturityModel>());

        query.Field<NonNullGraphType<MaturityLevelGraphType>>("scoreAssessment")
            .Description("Scores a function's self-assessment (one answer per question, in order) without recording it.")
            .Argument<NonNullGraphType<BusinessFunctionGraphType>>("function", "The function assessed.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<BooleanGraphType>>>>("answers", "One yes (true) or no (false) per question, in the questionnaire's order.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<MaturityModel>()
                .Function(ctx.GetArgument<BusinessFunction>("function"))
                .Assessment.Score(ctx.GetArgument<List<bool>>("answers")));
    }
}
