using JasperFx;
using PartnershipLedger.Api.Access;
using PartnershipLedger.Api.GraphQL;
using PartnershipLedger.Api.Import;
using PartnershipLedger.Api.Storage;
using PartnershipLedger.Api.Web;
using PartnershipLedger.Demo;
using PartnershipLedger.Model;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddMaturityModel(builder.Configuration);
builder.AddLedgerStore();
builder.AddLedgerAuthentication();
builder.Services.AddLedgerGraphQL(builder.Configuration);

var app = builder.Build();

app.UseDashboardAssets();
app.UseLedgerAuthentication();
app.MapHealthEndpoint();
app.MapGraphQLEndpoint();
app.MapImportEndpoint();
app.LoadDemoPortfolioWhenAsked();
app.WriteDevelopmentTokenWhenAsked();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
        app.Logger.LogInformation("PartnershipLedger is serving the dashboard at {Url}/, GraphQL (and its explorer, in a browser) at {Url}/graphql and health at {Url}/health", url, url, url);
});

return await app.RunJasperFxCommands(args);

public partial class Program;
