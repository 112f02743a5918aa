using System.Text.Encodings.Web;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using PartnershipLedger.CirclesOfTrust;
using PartnershipLedger.Maturity;
using PartnershipLedger.Organizations;

namespace PartnershipLedger.Api.GraphQL;

public static class GraphQLServices
{
    public static IServiceCollection AddLedgerGraphQL(this IServiceCollection services)
    {
        // Request-scoped DataLoaders: whatever a page lists, each costs one query per request.
        OrganizationFields.AddLoader(services);
        CircleFields.AddLoader(services);
        OrganizationMaturity.AddLoader(services);
        return services.AddGraphQL(graphQL => graphQL
            .AddSchema<LedgerSchema>()
            .AddGraphTypes(typeof(LedgerSchema).Assembly)
            .AddGraphTypes(typeof(PartnershipLedger.Model.MaturityModel).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .UseMiddleware<DomainErrors>()
            // One Marten session serves a request; its fields resolve one after another (DataLoaders still batch).
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = false));
    }
}
