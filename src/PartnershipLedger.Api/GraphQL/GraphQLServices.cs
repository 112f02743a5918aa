using System.Text.Encodings.Web;
using GraphQL;

namespace PartnershipLedger.Api.GraphQL;

public static class GraphQLServices
{
    public static IServiceCollection AddLedgerGraphQL(this IServiceCollection services) =>
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<LedgerSchema>()
            .AddGraphTypes(typeof(LedgerSchema).Assembly)
            .AddGraphTypes(typeof(PartnershipLedger.Model.MaturityModel).Assembly)
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .UseMiddleware<DomainErrors>()
            .AddErrorInfoProvider(options => options.ExposeExceptionDetails = false));
}
