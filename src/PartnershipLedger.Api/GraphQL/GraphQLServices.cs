using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Maturity;
using PartnershipLedger.Organizations;

namespace PartnershipLedger.Api.GraphQL;

public static class GraphQLServices
{
    public static IServiceCollection AddLedgerGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        services.AddSingleton(limits);
        // Request-scoped DataLoaders: whatever a page lists, each costs one query per request.
        OrganizationFields.AddLoader(services);
        CircleFields.AddLoader(services);
        OrganizationMaturity.AddLoader(services);
        var documents = new ValidatedDocumentCache();
        services.AddSingleton(documents);
        return services.AddGraphQL(graphQL => graphQL
            .AddSchema<LedgerSchema>()
            .AddGraphTypes(typeof(LedgerSchema).Assembly)
            .AddGraphTypes(typeof(PartnershipLedger.Model.MaturityModel).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .UseMiddleware<DomainErrors>()
            // One Marten session serves a request; its fields resolve one after another (DataLoaders still batch).
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = false)
            // Limits (GraphQLLimits): each rule runs for GET and POST alike, after the core rules.
            .AddComplexityAnalyzer(complexity =>
            {
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
                complexity.ValidateComplexityDelegate = context =>
                {
                    if (context.Error is { } exceeded) exceeded.Code = GraphQLLimits.Code;   // GraphQL.NET says COMPLEXITY
                    return Task.CompletedTask;
                };
            })
            .AddValidationRule(new DocumentLimitsRule(limits))
            .ConfigureExecutionOptions(options =>
            {
                if (!limits.Introspection)
                    options.ValidationRules = (options.ValidationRules ?? DocumentValidator.CoreRules).Append(NoIntrospectionValidationRule.Instance);
            })
            .ConfigureExecution(documents));
    }
}
